package org.planreports.job;

import org.planreports.testing.OnTestPostgres;

/** The publication history on a shared PostgreSQL, which no state folder's check file guards. */
@OnTestPostgres
class PublicationHistoryPostgresTest extends PublicationHistoryCases {
  @Override
  boolean guardedByCheckFile() {
    return false;
  }
}
