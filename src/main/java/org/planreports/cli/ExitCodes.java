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

  private ExitCodes() {}
}
