package org.planreports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.assessment.Status;
import org.planreports.assessment.Summary;
import org.planreports.core.Wording;
import org.planreports.plan.TableSpec;

/**
 * The summary: for each assessed table with rows, its count per status, 指标完成率, the mid-term
 * projections and the 预警 or 未完成 list; then where the method and the sources are.
 */
final class SummarySection {

  private SummarySection() {}

  static Section build(Draft d, String heading) {
    Wording w = d.w;
    List<Map<String, Object>> paras = new ArrayList<>();
    List<Assessment> all = new ArrayList<>();
    for (Map.Entry<TableSpec, List<AssessedRow>> e : d.assessed.entrySet()) {
      TableSpec table = e.getKey();
      List<Assessment> as = e.getValue().stream().map(AssessedRow::assessment).toList();
      all.addAll(as);
      Summary s = Summary.summarize(as);
      List<String> parts = new ArrayList<>();
      s.counts()
          .forEach(
              (status, n) -> parts.add(w.get("summary.count", "status", status.label(), "n", n)));
      StringBuilder sb = new StringBuilder();
      sb.append(
          w.get(
              table.origin() == TableSpec.Origin.PLAN ? "summary.table.plan" : "summary.table.text",
              "table",
              table.name(),
              "heading",
              table.heading(),
              "count",
              as.size(),
              "year",
              d.year(),
              "stage",
              d.stageWord(),
              "counts",
              String.join(w.get("list.sep"), parts)));
      sb.append(
          s.withData() == 0
              ? w.get("summary.rate.none")
              : w.get(
                  "summary.rate",
                  "rate",
                  Fmt.pct1(s.completionRatePct()),
                  "met_label",
                  (d.isFinal() ? Status.ACHIEVED : Status.COMPLETED).label(),
                  "met",
                  s.met(),
                  "with_data",
                  s.withData()));
      if (d.isMidterm()) {
        long can = as.stream().filter(a -> Boolean.TRUE.equals(a.projectionMet())).count();
        long cannot = as.stream().filter(a -> Boolean.FALSE.equals(a.projectionMet())).count();
        if (can + cannot > 0) {
          sb.append(w.get("summary.projection", "can", can, "cannot", cannot));
        }
      }
      paras.add(Draft.paragraph(sb.toString()));
      List<String> listed =
          e.getValue().stream()
              .filter(
                  r ->
                      d.isFinal()
                          ? r.assessment().status() == Status.NOT_ACHIEVED
                          : r.assessment().warning())
              .map(r -> Draft.stripUnit(r.row().printedName()))
              .toList();
      if (!listed.isEmpty()) {
        String key =
            d.isFinal()
                ? "summary.unmet"
                : d.isMidterm() ? "summary.warnings.midterm" : "summary.warnings.annual";
        paras.add(Draft.paragraph(w.get(key, "names", w.enumerate(listed))));
      }
    }
    if (d.assessed.size() > 1) {
      // METRICS.md, ruling of 2026-12-02: the plan as a whole, counted as each table counts its
      // rows, so the plan-wide figures are the sums of the tables' printed figures.
      Summary s = Summary.summarize(all);
      if (s.withData() > 0) {
        paras.add(
            Draft.paragraph(
                w.get(
                    "summary.rate.plan",
                    "tables",
                    d.assessed.size(),
                    "rate",
                    Fmt.pct1(s.completionRatePct()),
                    "met_label",
                    (d.isFinal() ? Status.ACHIEVED : Status.COMPLETED).label(),
                    "met",
                    s.met(),
                    "with_data",
                    s.withData())));
      }
    }
    paras.add(
        Draft.paragraph(
            d.evaluation()
                ? w.get(
                    "summary.method.evaluation",
                    "method",
                    d.methodAppendix(),
                    "provenance",
                    d.provenanceAppendix())
                : w.get("summary.method.bulletin", "provenance", d.provenanceAppendix())));
    Map<String, Object> p = new LinkedHashMap<>();
    if (!d.evaluation()) {
      // A bulletin has no cover page: its first page opens with the title block.
      p.put("TITLE", d.title());
      p.put(
          "SUBTITLE", w.get("summary.subtitle", "publisher", d.meta.publisher(), "year", d.year()));
    }
    return new Section("text", heading, p, paras).withHeading(heading);
  }
}
