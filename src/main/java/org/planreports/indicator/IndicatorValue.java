package org.planreports.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An indicator's value in one year with its provenance: the formula (or the direct code it was
 * reported under) and every input figure it was computed from. The value is exact, not rounded.
 */
public record IndicatorValue(
    String indicator,
    int year,
    BigDecimal value,
    boolean preliminary,
    boolean sample,
    String formula,
    List<Source> sources)
    implements java.io.Serializable {

  public IndicatorValue {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(value, "value");
    sources = List.copyOf(sources);
  }
}
