package org.planreports.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/** One year's growth g_y of a GROWTH series, in per cent at the target's precision. */
public record YearGrowth(int year, BigDecimal growthPct, boolean met) {

  public YearGrowth {
    Objects.requireNonNull(growthPct, "growthPct");
  }
}
