package org.planreports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Bulletin;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanMeta;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.planreports.plan.TableSpec;

/**
 * Decides which publications exist (OPERATIONS.md `run` default) and which of the plan's tables
 * each carries, from the plan bundle's declarations and the years the data covers. Pure.
 */
public final class PublicationPlanner {

  private PublicationPlanner() {}

  /**
   * The publications the data supports, in year order: an annual bulletin for each year after the
   * base year with data, the mid-term and final evaluations in their years, and each declared
   * bulletin for each year with data for one of its tables' indicators.
   */
  public static List<PublicationKey> supported(Plan plan, IndicatorDeriver.Result data) {
    PlanMeta m = plan.meta();
    List<PublicationKey> keys = new ArrayList<>();
    for (int y : years(plan, data, PublicationType.ANNUAL)) {
      keys.add(new PublicationKey(m.regionCode(), y, PublicationType.ANNUAL));
    }
    if (years(plan, data, PublicationType.MIDTERM).contains(m.midYear())) {
      keys.add(new PublicationKey(m.regionCode(), m.midYear(), PublicationType.MIDTERM));
    }
    if (years(plan, data, PublicationType.FINAL).contains(m.finalYear())) {
      keys.add(new PublicationKey(m.regionCode(), m.finalYear(), PublicationType.FINAL));
    }
    for (Bulletin b : plan.bulletins()) {
      PublicationType type = PublicationType.bulletin(b.id());
      for (int y : years(plan, data, type)) {
        keys.add(new PublicationKey(m.regionCode(), y, type));
      }
    }
    keys.sort(null);
    return keys;
  }

  /** The years after the base year with data for a target of the tables a type carries. */
  private static Set<Integer> years(Plan plan, IndicatorDeriver.Result data, PublicationType type) {
    return yearsWithData(data, indicatorsOf(plan, tables(plan, type)), plan.meta().baseYear());
  }

  /** The tables a publication type carries, in the bundle's order; only tables with rows. */
  public static List<TableSpec> tables(Plan plan, PublicationType type) {
    return plan.tables().stream()
        .filter(t -> t.carriedBy(type.id()))
        .filter(t -> !plan.rows(t.name()).isEmpty())
        .filter(t -> type.isEvaluation() || !plan.isHistory(t))
        .toList();
  }

  /** The title a reader sees: 年度监测公报 … or the bulletin's declared title. */
  public static String title(Plan plan, PublicationType type, Wording w) {
    if (type.isBulletin()) {
      return plan.bulletin(type.id())
          .map(Bulletin::title)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      w.get("error.bulletin.undeclared", "bulletin", type.id())));
    }
    return w.get("pub." + type.id());
  }

  private static Set<String> indicatorsOf(Plan plan, List<TableSpec> tables) {
    return tables.stream()
        .flatMap(t -> plan.rows(t.name()).stream())
        .filter(CatalogueRow::hasTarget)
        .map(r -> r.indicator().code())
        .collect(Collectors.toSet());
  }

  private static Set<Integer> yearsWithData(
      IndicatorDeriver.Result data, Set<String> indicators, int baseYear) {
    Set<Integer> years = new TreeSet<>();
    data.series()
        .forEach(
            (code, values) -> {
              if (indicators.contains(code)) {
                values.keySet().stream().filter(y -> y > baseYear).forEach(years::add);
              }
            });
    return years;
  }
}
