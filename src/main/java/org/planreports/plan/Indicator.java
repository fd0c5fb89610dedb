package org.planreports.plan;

import java.util.Objects;

/** A plan indicator: how it is computed from items and the decimals it is shown and tested at. */
public record Indicator(
    String code, String name, String unit, int precision, Formula formula, Item direct) {

  public Indicator {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(formula, "formula of " + code);
    if (precision < 0 || precision > 6) {
      throw new IllegalArgumentException("precision of " + code + " out of 0..6: " + precision);
    }
  }
}
