package org.planreports.job;

/**
 * The exit statuses a step sets on purpose to end a run early, which the job flow routes and the
 * CLI maps to the contract's exit codes. The job parameters themselves are {@link RunRequest}'s.
 */
public final class JobParams {

  public static final String INVALID = "INVALID";
  public static final String REFUSED = "REFUSED";
  public static final String NOTHING_TO_PUBLISH = "NOTHING_TO_PUBLISH";

  /** {@code publish}: what would be published is not what was reviewed. */
  public static final String STALE = "STALE";

  private JobParams() {}
}
