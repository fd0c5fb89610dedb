package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Objects;
import org.planreports.core.Messages;

/**
 * A statistic an extract may carry: a raw item of the dictionary or the direct code of a plan
 * indicator. {@code wholeNumber} items (counts, years) refuse fractions. A {@code statusWord} item
 * (range class {@code status}) carries a progress word (已完成/推进中/未启动) instead of a number; its value
 * is the word's code 0…2.
 */
public record Item(
    String code,
    String name,
    String unit,
    BigDecimal min,
    BigDecimal max,
    boolean wholeNumber,
    boolean statusWord) {

  public Item {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(unit, "unit");
  }

  /** An item that carries a number. */
  public Item(
      String code, String name, String unit, BigDecimal min, BigDecimal max, boolean wholeNumber) {
    this(code, name, unit, min, max, wholeNumber, false);
  }

  /**
   * Builds an item from the dictionary's range class: count, amount, share, year, signed or status.
   */
  static Item ofRange(String code, String name, String unit, String range) {
    return switch (range) {
      case "count" -> new Item(code, name, unit, BigDecimal.ZERO, null, true);
      case "amount" -> new Item(code, name, unit, BigDecimal.ZERO, null, false);
      case "share" -> new Item(code, name, unit, BigDecimal.ZERO, BigDecimal.valueOf(100), false);
      case "year" ->
          new Item(code, name, unit, BigDecimal.valueOf(2000), BigDecimal.valueOf(2100), true);
      case "signed" -> new Item(code, name, unit, null, null, false);
      case "status" ->
          new Item(code, name, unit, BigDecimal.ZERO, BigDecimal.valueOf(2), true, true);
      default ->
          throw new IllegalArgumentException("unknown range class '" + range + "' of " + code);
    };
  }

  public boolean inRange(BigDecimal v) {
    return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
  }

  public String expectedRange() {
    String lo = min == null ? "" : "≥" + min.toPlainString();
    String hi = max == null ? "" : "≤" + max.toPlainString();
    Messages words = Messages.bundle("plan-check");
    String range =
        lo.isEmpty() || hi.isEmpty() ? lo + hi : words.get("plan.range.both", "lo", lo, "hi", hi);
    String kind = words.format(wholeNumber ? "plan.range.whole" : "plan.range.number");
    return range.isEmpty() ? kind : words.get("plan.range", "kind", kind, "range", range);
  }
}
