package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Objects;
import org.planreports.core.Messages;

/**
 * A plan indicator: how it is computed from items, the decimals it is shown and tested at, and the
 * range its values must lie in ({@code min}/{@code max} of indicators.csv, null where open), which
 * holds for a value derived by the formula as for one reported under the direct code.
 */
public record Indicator(
    String code,
    String name,
    String unit,
    int precision,
    Formula formula,
    Item direct,
    BigDecimal min,
    BigDecimal max) {

  public Indicator {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(formula, "formula of " + code);
    if (precision < 0 || precision > 6) {
      throw new IllegalArgumentException("precision of " + code + " out of 0..6: " + precision);
    }
  }

  /** An indicator whose range is its direct code's (none without one). */
  public Indicator(
      String code, String name, String unit, int precision, Formula formula, Item direct) {
    this(
        code,
        name,
        unit,
        precision,
        formula,
        direct,
        direct == null ? null : direct.min(),
        direct == null ? null : direct.max());
  }

  /**
   * Whether the indicator is an amount of money (its unit is a currency: 元, 万元, 亿元): only such a
   * series is at current prices, whatever its name.
   */
  public boolean money() {
    return unit != null && unit.endsWith(CURRENCY);
  }

  /** The currency every money unit of a plan bundle ends with. */
  private static final String CURRENCY = Messages.bundle("plan-check").format("plan.unit.yuan");

  /** Whether {@code v} lies in the declared range. */
  public boolean inRange(BigDecimal v) {
    return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
  }
}
