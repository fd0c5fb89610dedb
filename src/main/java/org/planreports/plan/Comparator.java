package org.planreports.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.planreports.core.Messages;

/**
 * The comparator of a target as the plan prints it. A bare number such as "63" or “达到1亿元” means ≥
 * (METRICS.md, Terms); a strict ">" is not met by a value equal to the target.
 */
public enum Comparator {
  GE("≥", 1, "", "≥", "≧", ">=", "GE"),
  GT(">", 1, ">", "GT"),
  LE("≤", -1, "≤", "≦", "<=", "LE"),
  LT("<", -1, "<", "LT");

  private final String symbol;
  private final int direction;
  private final List<String> spellings;

  Comparator(String symbol, int direction, String... spellings) {
    this.symbol = symbol;
    this.direction = direction;
    this.spellings = List.of(spellings);
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
    Messages words = Messages.bundle("plan-check");
    if (text == null) {
      throw new IllegalArgumentException(words.format("plan.comparator.null"));
    }
    String s = text.strip().toUpperCase(Locale.ROOT);
    for (Comparator c : values()) {
      if (c.spellings.contains(s)
          || s.equals(
              words.format("plan.comparator.fullwidth." + c.name().toLowerCase(Locale.ROOT)))) {
        return c;
      }
    }
    throw new IllegalArgumentException(words.format("plan.comparator.unknown", text));
  }
}
