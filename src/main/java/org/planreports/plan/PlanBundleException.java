package org.planreports.plan;

import java.util.List;
import org.planreports.core.Messages;

/** A plan bundle that cannot be used, with every problem found in it at once. */
public final class PlanBundleException extends RuntimeException {

  private final transient List<PlanProblem> problems;

  /** The most problems listed: a bundle broken on every line is said in a bounded message. */
  static final int MAX_LISTED = 100;

  public PlanBundleException(String bundle, List<PlanProblem> problems) {
    super(
        Messages.bundle("plan-check")
            .get(
                problems.size() > MAX_LISTED ? "plan.bundle.errors.listed" : "plan.bundle.errors",
                "bundle",
                bundle,
                "errors",
                problems.size(),
                "listed",
                MAX_LISTED));
    this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
  }

  public List<PlanProblem> problems() {
    return problems;
  }
}
