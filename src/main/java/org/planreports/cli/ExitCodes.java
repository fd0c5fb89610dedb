package org.planreports.cli;

/** The exit codes of OPERATIONS.md. Scripts depend on them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int INVALID_INPUT = 3;
  public static final int LOCKED = 4;
  public static final int ALREADY_PUBLISHED = 5;

  /** {@code verify} found published files that differ from their manifests or from history. */
  public static final int DIFFERENCES = 6;

  /**
   * Nothing to publish: the input has no data for the year or publication asked (or, without {@code
   * --year}, none after the plan's base year). Not a failure to resume by starting again.
   */
  public static final int NOTHING_TO_PUBLISH = 7;

  /**
   * {@code publish}: the review copy is out of date (the inputs, plan or commentary changed since
   * {@code run} made it); nothing was published. Run again and review.
   */
  public static final int STALE_REVIEW = 8;

  private ExitCodes() {}
}
