package org.planreports.job;

import org.planreports.testing.OnTestPostgres;

/** The main job on a shared PostgreSQL, as {@code --database jdbc:postgresql://…} runs it. */
@OnTestPostgres
class PlanReportsJobPostgresTest extends PlanReportsJobCases {}
