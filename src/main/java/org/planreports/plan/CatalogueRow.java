package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Objects;
import org.planreports.assessment.Attribute;
import org.planreports.assessment.Comparator;
import org.planreports.assessment.Kind;

/**
 * One row of one of the plan's tables, with names, baselines and targets exactly as the plan prints
 * them. Rows of 表1 (a historical table) carry no target: {@code kind} is null.
 */
public record CatalogueRow(
    String table,
    int seq,
    Indicator indicator,
    String printedName,
    Kind kind,
    Attribute attribute,
    Integer baselineYear,
    String baselinePrinted,
    Integer targetYear,
    String targetPrinted,
    Comparator comparator,
    BigDecimal targetValue,
    String annualPrinted,
    int decimals,
    int sourceLine,
    String note) {

  public CatalogueRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(indicator, "indicator of " + table + " row " + seq);
    Objects.requireNonNull(printedName, "printed_name");
    if (kind != null && (targetValue == null || targetYear == null || comparator == null)) {
      throw new IllegalArgumentException(
          table + " row " + seq + ": a target row needs target_year, comparator and target_value");
    }
  }

  public boolean hasTarget() {
    return kind != null;
  }

  /** The baseline the plan publishes, or null where it prints "—". */
  public BigDecimal publishedBaseline() {
    if (baselineYear == null || baselinePrinted == null) {
      return null;
    }
    try {
      return new BigDecimal(baselinePrinted);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
