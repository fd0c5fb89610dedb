package org.planreports.plan;

import java.util.Locale;

/** 指标属性: anticipatory targets allow moderate deviation, binding ones must be met. */
public enum Attribute {
  EXPECTED("预期性"),
  BINDING("约束性");

  private final String label;

  Attribute(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads the plan's wording ("预期性", "约束性") or the constant's name. */
  public static Attribute fromLabel(String text) {
    if (text != null) {
      String trimmed = text.strip();
      for (Attribute attribute : values()) {
        if (attribute.label.equals(trimmed)
            || attribute.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
          return attribute;
        }
      }
    }
    throw new IllegalArgumentException("指标属性应为“预期性”或“约束性”，实为：" + text);
  }
}
