package org.planreports.plan;

import java.util.Locale;
import org.planreports.core.Messages;

/** 指标属性: anticipatory targets allow moderate deviation, binding ones must be met. */
public enum Attribute {
  EXPECTED,
  BINDING;

  /**
   * The plan's word, from {@code messages/plan-check.properties} (key {@code plan.attribute.NAME}).
   */
  public String label() {
    return Messages.bundle("plan-check")
        .format("plan.attribute." + name().toLowerCase(Locale.ROOT));
  }

  /** Reads the plan's wording (“预期性”, “约束性”) or the constant's name. */
  public static Attribute fromLabel(String text) {
    if (text != null) {
      String trimmed = text.strip();
      for (Attribute attribute : values()) {
        if (attribute.label().equals(trimmed)
            || attribute.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
          return attribute;
        }
      }
    }
    throw new IllegalArgumentException(
        Messages.bundle("plan-check")
            .format("plan.attribute.invalid", EXPECTED.label(), BINDING.label(), text));
  }
}
