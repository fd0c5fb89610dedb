package org.planreports.job;

/** The job parameters. Identifying: the same command on the same files is the same job instance. */
public final class JobParams {
  public static final String INPUT = "input";
  public static final String INPUT_DIGEST = "input.digest";
  public static final String PLAN = "plan";
  public static final String PLAN_DIGEST = "plan.digest";
  public static final String OUTPUT = "output";
  public static final String STATE = "state";
  public static final String YEAR = "year";
  public static final String ASSESSMENT = "assessment";
  public static final String MODE = "mode";
  public static final String REASON = "reason";
  public static final String ENCODING = "encoding";
  public static final String TOOL_VERSION = "tool.version";
  public static final String PUBLISHED_DIGEST = "published.digest";

  /** Not identifying: where the validation report and the run's prepared files go. */
  public static final String VALIDATION = "validation.dir";

  public static final String WORK = "work.dir";

  /** Not identifying (the plan names it): the plan's region code. */
  public static final String REGION = "region";

  /** Exit statuses the CLI maps to the contract's exit codes. */
  public static final String INVALID = "INVALID";

  public static final String REFUSED = "REFUSED";
  public static final String NOTHING_TO_PUBLISH = "NOTHING_TO_PUBLISH";

  private JobParams() {}
}
