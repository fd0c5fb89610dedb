package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * The comparator of a target as the plan prints it. A bare number such as "63" or "达到1亿元" means ≥
 * (METRICS.md, Terms); a strict ">" is not met by a value equal to the target.
 */
public enum Comparator {
  GE("≥", 1),
  GT(">", 1),
  LE("≤", -1),
  LT("<", -1);

  private final String symbol;
  private final int direction;

  Comparator(String symbol, int direction) {
    this.symbol = symbol;
    this.direction = direction;
  }

  public String symbol() {
    return symbol;
  }

  /** +1 when the target asks for a higher value (≥, >), −1 when it asks for a lower one. */
  public int direction() {
    return direction;
  }

  /** Whether {@code value} meets {@code target}; callers pass the value already rounded. */
  public boolean test(BigDecimal value, BigDecimal target) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(target, "target");
    int order = value.compareTo(target);
    return switch (this) {
      case GE -> order >= 0;
      case GT -> order > 0;
      case LE -> order <= 0;
      case LT -> order < 0;
    };
  }

  /**
   * Parses "≥", ">=", ">", "≤", "<=", "<", their full-width forms, the constant names, and the
   * empty string (a bare number in the plan, which means ≥).
   */
  public static Comparator parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("比较符不能为空（无比较符请传入空字符串，表示≥）");
    }
    String s = text.strip();
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "", "≥", "≧", ">=", "＞＝", "GE" -> GE;
      case ">", "＞", "GT" -> GT;
      case "≤", "≦", "<=", "＜＝", "LE" -> LE;
      case "<", "＜", "LT" -> LT;
      default -> throw new IllegalArgumentException("无法识别的比较符：" + text);
    };
  }
}
