package org.planreports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorValue;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Kind;
import org.planreports.plan.TableSpec;

/**
 * One trend chart per row of the tables that declare charts: values from the base year to t, the
 * target in its year and the path that reaches it — a straight line from the baseline, for GROWTH
 * the level of its series growing at the target rate, for CUMULATIVE the running sum.
 */
final class ChartSection {

  private ChartSection() {}

  static boolean any(Draft d) {
    return d.assessed.keySet().stream().anyMatch(TableSpec::charts);
  }

  static Section build(Draft d, String heading) {
    Wording w = d.w;
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> growth = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    boolean cumulative = false;
    int figure = 1;
    for (Map.Entry<TableSpec, List<AssessedRow>> e : d.assessed.entrySet()) {
      if (!e.getKey().charts()) {
        continue;
      }
      tables.add(d.ref(e.getKey()));
      for (AssessedRow ar : e.getValue()) {
        CatalogueRow r = ar.row();
        Assessment a = ar.assessment();
        if (r.kind() == Kind.MILESTONE || r.kind() == Kind.QUALITATIVE || ar.used().isEmpty()) {
          continue;
        }
        String title = Draft.stripUnit(r.printedName());
        String unit = r.indicator().unit();
        List<TrendChart.Point> values = new ArrayList<>();
        TrendChart.Point target = null;
        List<TrendChart.Point> path = new ArrayList<>();
        String caption;
        if (r.kind() == Kind.GROWTH) {
          // The series itself, in its own unit; the target is the level the rate reaches.
          title = r.indicator().name();
          int p = r.indicator().precision();
          for (IndicatorValue v : ar.used()) {
            values.add(TrendChart.point(v.year(), v.value().setScale(p, RoundingMode.HALF_UP)));
          }
          if (a.baseline() != null) {
            double g = r.targetValue().doubleValue() / 100.0;
            for (int y = a.baselineYear(); y <= r.targetYear(); y++) {
              path.add(
                  new TrendChart.Point(
                      y,
                      round(
                          a.baseline().doubleValue() * Math.pow(1 + g, y - a.baselineYear()), p)));
            }
            target = path.get(path.size() - 1);
          }
          growth.add(
              w.get("chart.note.growth", "series", title, "rate", Fmt.plain(r.targetValue())));
          caption =
              w.get(
                  "chart.caption.growth",
                  "n",
                  figure,
                  "title",
                  title,
                  "target",
                  r.comparator().symbol() + Fmt.plain(r.targetValue()));
        } else {
          BigDecimal sum = BigDecimal.ZERO;
          for (IndicatorValue v : ar.used()) {
            BigDecimal x = v.value().setScale(r.decimals(), RoundingMode.HALF_UP);
            if (r.kind() == Kind.CUMULATIVE) {
              // METRICS.md CUMULATIVE: the sum over t0+1 … t, the quantity the target counts.
              if (v.year() <= d.meta.baseYear()) {
                continue;
              }
              sum = sum.add(x);
              x = sum;
              cumulative = true;
            }
            values.add(TrendChart.point(v.year(), x));
          }
          BigDecimal t = r.targetValue();
          target = new TrendChart.Point(r.targetYear(), t.doubleValue());
          if (a.baseline() != null && a.baselineYear() != null) {
            path.add(new TrendChart.Point(a.baselineYear(), a.baseline().doubleValue()));
            path.add(target);
          }
          caption = w.get("chart.caption", "n", figure, "title", title);
        }
        if (values.isEmpty()) {
          continue;
        }
        figure++;
        d.charts.add(PrintedFigures.chart(caption, values, target, path));
        TrendChart chart = TrendChart.of(title, unit, values, target, path).withoutDrawnTitle();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("chart", chart);
        row.put("alt", chart.altText());
        row.put("caption", caption);
        out.add(row);
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        w.get(
            "chart.note.lines",
            "base",
            d.meta.baseYear(),
            "year",
            d.year(),
            "growth",
            String.join("", growth)));
    if (cumulative) {
      notes.add(w.get("chart.note.cumulative"));
    }
    notes.add(w.get("chart.note.order", "tables", w.enumerate(tables)));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("NOTES", d.numberedNotes(notes));
    return new Section("charts", heading, p, out).withHeading(heading);
  }

  private static double round(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
