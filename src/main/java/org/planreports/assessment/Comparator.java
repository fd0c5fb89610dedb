package org.planreports.assessment;

import java.math.BigDecimal;

public enum Comparator {
  GE,
  GT,
  LE,
  LT;

  public String symbol() {
    return switch (this) {
      case GE -> "≥";
      case GT -> ">";
      case LE -> "≤";
      case LT -> "<";
    };
  }

  public boolean test(BigDecimal v, BigDecimal t) {
    int c = v.compareTo(t);
    return switch (this) {
      case GE -> c >= 0;
      case GT -> c > 0;
      case LE -> c <= 0;
      case LT -> c < 0;
    };
  }

  public static Comparator parse(String s) {
    return switch (s == null ? "" : s.trim()) {
      case ">", "GT" -> GT;
      case "≤", "<=", "LE" -> LE;
      case "<", "LT" -> LT;
      default -> GE;
    };
  }
}
