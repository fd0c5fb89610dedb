package org.planreports.publication;

/** What a run does with a publication it rendered, as {@link PublishDecision#decide} finds it. */
public enum EditionStatus {
  /** No edition yet: edition 1 is published. */
  FIRST,
  /** The figures are the latest edition's: nothing is published. */
  UNCHANGED,
  /** The figures differ from the latest edition's and the run is not a rerun: exit code 5. */
  REFUSED,
  /** A rerun with other figures: edition N+1 beside the old one, which its notice corrects. */
  CORRECTED,
  /** The latest edition is gone from disk and this run gives its bytes again: rebuilt in place. */
  RESTORED,
  /** The latest edition is gone from disk and this run cannot rebuild it: nothing is published. */
  UNREBUILDABLE;

  /** Whether an edition folder is written for it. */
  public boolean publishes() {
    return this == FIRST || this == CORRECTED || this == RESTORED;
  }
}
