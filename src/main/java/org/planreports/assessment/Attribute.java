package org.planreports.assessment;

public enum Attribute {
  EXPECTED,
  BINDING;

  public String label() {
    return this == EXPECTED ? "预期性" : "约束性";
  }

  public static Attribute fromLabel(String s) {
    return "约束性".equals(s) ? BINDING : EXPECTED;
  }
}
