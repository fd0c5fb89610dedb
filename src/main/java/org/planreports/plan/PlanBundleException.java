package org.planreports.plan;

import java.util.List;

/** A plan bundle that cannot be used, with every problem found in it at once. */
public final class PlanBundleException extends RuntimeException {

  private final transient List<PlanProblem> problems;

  /** The most problems listed: a bundle broken on every line is said in a bounded message. */
  static final int MAX_LISTED = 100;

  public PlanBundleException(String bundle, List<PlanProblem> problems) {
    super(
        "方案包 "
            + bundle
            + " 有 "
            + problems.size()
            + " 处错误"
            + (problems.size() > MAX_LISTED ? PlanWords.get("plan.listed", MAX_LISTED) : ""));
    this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
  }

  public List<PlanProblem> problems() {
    return problems;
  }
}
