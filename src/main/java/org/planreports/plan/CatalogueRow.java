package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of one of the plan's tables, with names, baselines and targets exactly as the plan prints
 * them. Rows of a previous-period table carry no target: {@code kind} is null. {@code attribute} is
 * null where the plan prints no 指标属性 (such a target is assessed as 预期性); {@code targetUpper} is the
 * high bound of a RANGE target ({@code targetValue} its low bound); {@code sourceLine}, the line of
 * the plan's text the row transcribes, is null where the bundle does not say.
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
    BigDecimal targetUpper,
    String annualPrinted,
    int decimals,
    Integer sourceLine,
    String note) {

  public CatalogueRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(indicator, "indicator of " + table + " row " + seq);
    Objects.requireNonNull(printedName, "printed_name");
    if (kind != null
        && (targetYear == null
            || comparator == null
            || (targetValue == null && kind != Kind.QUALITATIVE))) {
      throw new IllegalArgumentException(
          table + " row " + seq + ": a target row needs target_year, comparator and target_value");
    }
    if ((targetUpper != null) != (kind == Kind.RANGE)) {
      throw new IllegalArgumentException(
          table + " row " + seq + ": a high bound belongs to a RANGE target and only to it");
    }
  }

  public boolean hasTarget() {
    return kind != null;
  }

  /** The 指标属性 the assessment applies: as printed, else 预期性. */
  public Attribute effectiveAttribute() {
    return attribute == null ? Attribute.EXPECTED : attribute;
  }

  /**
   * The baseline the plan publishes, read from the cell as printed (“5075家”, “约3.5亿元”: {@link
   * PrintedNumber}), or null where it prints "—".
   */
  public BigDecimal publishedBaseline() {
    if (baselineYear == null) {
      return null;
    }
    PrintedNumber.Reading read = PrintedNumber.read(baselinePrinted, indicator.unit());
    return read == null ? null : read.value();
  }
}
