package org.planreports.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One year's value of the series an indicator is assessed on, as the extract gives it (not
 * rounded). {@code preliminary} marks figures the extract flags as 初步.
 */
public record Observation(int year, BigDecimal value, boolean preliminary) {

  public Observation {
    if (year < 1900 || year > 2100) {
      throw new IllegalArgumentException("observation year out of range: " + year);
    }
    Objects.requireNonNull(value, "value");
  }

  public static Observation of(int year, String value) {
    return new Observation(year, new BigDecimal(value), false);
  }
}
