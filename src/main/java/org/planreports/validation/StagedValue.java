package org.planreports.validation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A validated statistic: one item of one region in one year, in the dictionary's unit, with where
 * it came from. {@code value} is null when the extract says 'not available'.
 */
public record StagedValue(
    String file,
    long line,
    String region,
    int year,
    String item,
    BigDecimal value,
    String raw,
    boolean preliminary,
    boolean sample,
    String source,
    String note) {

  public StagedValue {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(item, "item");
  }
}
