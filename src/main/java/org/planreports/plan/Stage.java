package org.planreports.plan;

import java.util.Locale;
import org.planreports.core.Messages;

/** The three kinds of assessment the plan commits to: 动态监测、中期评估和总结评估. */
public enum Stage {
  ANNUAL,
  MIDTERM,
  FINAL;

  /** The name, from {@code messages/plan-check.properties} (key {@code plan.stage.NAME}). */
  public String label() {
    return Messages.bundle("plan-check").format("plan.stage." + name().toLowerCase(Locale.ROOT));
  }
}
