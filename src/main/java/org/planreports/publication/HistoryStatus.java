package org.planreports.publication;

/**
 * What the publication history says of an edition (the {@code status} column, by name): recorded
 * {@link #PENDING} before its folder moves into the output, {@link #PUBLISHED} once it is there,
 * {@link #MISSING} when a run found its folder gone ({@link Reconciliation}).
 */
public enum HistoryStatus {
  PENDING,
  PUBLISHED,
  MISSING
}
