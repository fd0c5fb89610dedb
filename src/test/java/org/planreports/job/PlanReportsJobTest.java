package org.planreports.job;

/** The main job on the default database, H2. */
class PlanReportsJobTest extends PlanReportsJobCases {}
