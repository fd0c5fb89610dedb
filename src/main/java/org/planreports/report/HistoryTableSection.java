package org.planreports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planreports.core.CompanionCsv;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.indicator.IndicatorValue;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.TableSpec;

/**
 * A previous-period table (METRICS.md, 表1 change column): each indicator's value in the previous
 * base year and the base year and the change between them, as the plan prints it.
 */
final class HistoryTableSection {

  private HistoryTableSection() {}

  static AssessmentTableSection.Built build(
      Draft d, TableSpec table, IndicatorDeriver.Result data) {
    Wording w = d.w;
    int from = d.uses.size();
    int before = d.meta.previousBaseYear();
    int after = d.meta.baseYear();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<List<CompanionCsv.Cell>> csv = new ArrayList<>();
    boolean anyMissing = false;
    for (CatalogueRow r : d.plan.rows(table.name())) {
      IndicatorValue v1 = value(data, r, before);
      IndicatorValue v2 = value(data, r, after);
      anyMissing |= v1 == null;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seq", String.valueOf(r.seq()));
      row.put("name", r.printedName());
      Draft.cell(row, "v1", v1 == null ? "-" : Fmt.num(v1.value(), r.decimals()));
      Draft.cell(row, "v2", v2 == null ? "…" : Fmt.num(v2.value(), r.decimals()));
      String change = "…";
      String delta = "";
      if (v2 != null) {
        // METRICS.md 表1: a missing earlier value counts as 0, as the plan prints it.
        BigDecimal b =
            v1 == null ? BigDecimal.ZERO : v1.value().setScale(r.decimals(), RoundingMode.HALF_UP);
        BigDecimal diff = v2.value().setScale(r.decimals(), RoundingMode.HALF_UP).subtract(b);
        change = Fmt.change(diff, r.decimals());
        delta = Fmt.num(diff, r.decimals());
        d.use(w.get("figure.ref", "ref", d.ref(table), "seq", r.seq(), "year", after), v2);
      }
      if (v1 != null) {
        d.use(w.get("figure.ref", "ref", d.ref(table), "seq", r.seq(), "year", before), v1);
      }
      if (v1 != null) {
        d.printed(r.indicator().code(), before, Fmt.num(v1.value(), r.decimals()));
      }
      if (v2 != null) {
        d.printed(r.indicator().code(), after, Fmt.num(v2.value(), r.decimals()));
      }
      Draft.cell(row, "change", change);
      rows.add(row);
      csv.add(
          List.of(
              CompanionCsv.Cell.text(table.name()),
              CompanionCsv.Cell.number(String.valueOf(r.seq())),
              CompanionCsv.Cell.text(Draft.stripUnit(r.printedName())),
              CompanionCsv.Cell.text(r.indicator().unit()),
              CompanionCsv.Cell.number(String.valueOf(before)),
              CompanionCsv.Cell.number(v1 == null ? "" : Fmt.num(v1.value(), r.decimals())),
              CompanionCsv.Cell.number(String.valueOf(after)),
              CompanionCsv.Cell.number(v2 == null ? "" : Fmt.num(v2.value(), r.decimals())),
              CompanionCsv.Cell.number(delta)));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    String caption =
        w.get(
            "table.caption",
            "ref",
            d.ref(table),
            "region",
            d.meta.regionName(),
            "title",
            table.title(),
            "suffix",
            "",
            "plan_ref",
            d.planRef(table));
    p.put("CAPTION", caption);
    p.put("H_V1", w.get("history.header.year", "year", before));
    p.put("H_V2", w.get("history.header.year", "year", after));
    p.put(
        "H_CHANGE",
        table.changeHeader() == null ? w.get("history.header.change") : table.changeHeader());
    p.put(
        "NOTES",
        d.numberedNotes(
            anyMissing
                ? List.of(
                    w.get("history.note.change", "to", after, "from", before),
                    table.origin() == TableSpec.Origin.PLAN
                        ? w.get("history.note.missing.plan", "table", table.name())
                        : w.get("history.note.missing.text"))
                // No "-" printed: no note explaining it.
                : List.of(w.get("history.note.change", "to", after, "from", before))));
    p.put("SOURCE", d.sourceLine(from));
    byte[] bytes =
        CompanionCsv.write(
            List.of(
                "table",
                "seq",
                "indicator",
                "unit",
                "year_from",
                "value_from",
                "year_to",
                "value_to",
                "change"),
            csv);
    return new AssessmentTableSection.Built(new Section("table1", caption, p, rows), bytes);
  }

  private static IndicatorValue value(IndicatorDeriver.Result data, CatalogueRow r, int year) {
    return data.series().getOrDefault(r.indicator().code(), new TreeMap<>()).get(year);
  }
}
