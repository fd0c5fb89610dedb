package org.planreports.job;

/** The publication history on the default database, H2, guarded by the check file. */
class PublicationHistoryTest extends PublicationHistoryCases {
  @Override
  boolean guardedByCheckFile() {
    return true;
  }
}
