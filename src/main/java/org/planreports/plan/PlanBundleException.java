package org.planreports.plan;

import java.util.List;

/** A plan bundle that cannot be used, with every problem found in it at once. */
public final class PlanBundleException extends RuntimeException {

  private final transient List<PlanProblem> problems;

  public PlanBundleException(String bundle, List<PlanProblem> problems) {
    super("方案包 " + bundle + " 有 " + problems.size() + " 处错误");
    this.problems = List.copyOf(problems);
  }

  public List<PlanProblem> problems() {
    return problems;
  }
}
