package org.planreports.assessment;

import java.util.ArrayList;
import java.util.List;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.indicator.IndicatorValue;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanMeta;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

/**
 * Assesses every target row of one of the plan's tables for a year and stage: the catalogue row
 * becomes a {@link Target}, the indicator's values from the base year to the assessment year become
 * the series, and {@link Assessor} applies METRICS.md.
 */
public final class TableAssessor {

  private TableAssessor() {}

  public static PlanPeriod period(PlanMeta meta) {
    return new PlanPeriod(meta.baseYear(), meta.midYear(), meta.finalYear());
  }

  /** The values a row's assessment uses: its indicator's from the base year to the year. */
  public static List<IndicatorValue> used(
      Plan plan, CatalogueRow row, IndicatorDeriver.Result data, int year) {
    int base = plan.meta().baseYear();
    return data.values(row.indicator().code()).stream()
        .filter(v -> v.year() >= base && v.year() <= year)
        .toList();
  }

  public static List<AssessedRow> assess(
      Plan plan, String table, IndicatorDeriver.Result data, int year, Stage stage) {
    PlanPeriod period = period(plan.meta());
    List<AssessedRow> rows = new ArrayList<>();
    for (CatalogueRow row : plan.rows(table)) {
      if (!row.hasTarget()) {
        continue;
      }
      List<IndicatorValue> used = used(plan, row, data, year);
      List<Observation> series =
          used.stream().map(v -> new Observation(v.year(), v.value(), v.preliminary())).toList();
      rows.add(
          new AssessedRow(
              row,
              Assessor.assess(Target.of(row), series, period, year, stage, row.indicator().money()),
              used));
    }
    return rows;
  }
}
