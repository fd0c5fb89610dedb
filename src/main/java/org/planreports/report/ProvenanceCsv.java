package org.planreports.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planreports.assessment.AssessedRow;
import org.planreports.core.CompanionCsv;
import org.planreports.core.CompanionCsv.Cell;
import org.planreports.core.Messages;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.ingest.InputFile;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Indicator;
import org.planreports.plan.Item;
import org.planreports.plan.TableSpec;

/**
 * The audit trail of a publication, its companion {@code provenance.csv}: one row per input value
 * of each figure it prints, in the order it prints them — the figure (表N 序号M YYYY年), the region,
 * year and indicator with its formula in codes and the value computed, the item code and name, the
 * text as written in the extract and the value it was read as in the item's unit, the 数据来源, the 初步
 * and 示例 marks, and the input file, line and the file's SHA-256, so that anyone can find the line
 * and recompute the figure; then each target the tables print, as the plan words it, with the line
 * of the plan's text (or its table and row) it transcribes in place of a file and line. What the
 * public appendix ({@link ProvenanceSection}) says in words, this says in codes.
 */
public final class ProvenanceCsv {

  /** The file name beside the PDF. */
  public static final String FILE = "provenance.csv";

  /** Its columns, in order (datapackage.json describes each). */
  public static final List<String> COLUMNS =
      List.of(
          "figure",
          "region",
          "year",
          "indicator",
          "indicator_name",
          "formula",
          "value",
          "item",
          "item_name",
          "raw",
          "item_value",
          "item_unit",
          "source",
          "preliminary",
          "sample",
          "file",
          "line",
          "sha256");

  private static final Messages W = Messages.bundle("appendix");

  private ProvenanceCsv() {}

  static byte[] of(Draft d) {
    Map<String, String> digests = new TreeMap<>();
    for (InputFile f : d.inputs) {
      digests.put(f.name(), f.sha256());
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (Draft.Use u : d.uses) {
      IndicatorValue v = u.value();
      Indicator ind = d.plan.indicators().get(v.indicator());
      for (Source s : v.sources()) {
        Item item = d.plan.items().get(s.item());
        rows.add(
            List.of(
                Cell.text(u.figure()),
                Cell.text(d.meta.regionCode()),
                Cell.number(String.valueOf(v.year())),
                Cell.text(v.indicator()),
                Cell.text(ind == null ? "" : ind.name()),
                Cell.text(v.formula()),
                Cell.number(plain(v.value())),
                Cell.text(s.item()),
                Cell.text(ind == null ? "" : FormulaWords.name(ind, s.item(), d.plan.items())),
                s.raw() != null && s.raw().strip().matches("-?\\d+(\\.\\d+)?")
                    ? Cell.number(s.raw().strip())
                    : Cell.text(s.raw()),
                Cell.number(plain(s.value())),
                Cell.text(item == null ? "" : item.unit()),
                Cell.text(s.origin()),
                Cell.text(String.valueOf(v.preliminary())),
                Cell.text(String.valueOf(v.sample())),
                Cell.text(s.file()),
                Cell.number(String.valueOf(s.line())),
                Cell.text(digests.getOrDefault(s.file(), ""))));
      }
    }
    rows.addAll(targets(d));
    return CompanionCsv.write(COLUMNS, rows);
  }

  /**
   * The targets the tables print, after the input values: each as the plan words it, with where the
   * plan says it (a line of its text, or its table and row) in place of a file and line.
   */
  private static List<List<Cell>> targets(Draft d) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map.Entry<TableSpec, List<AssessedRow>> t : d.assessed.entrySet()) {
      for (AssessedRow a : t.getValue()) {
        CatalogueRow r = a.row();
        if (r.targetPrinted() == null || r.targetPrinted().isBlank()) {
          continue;
        }
        // A row whose plan prints only a 年均 target (目标值 “—”) cites that.
        boolean annualOnly =
            r.targetPrinted().strip().equals("—")
                && r.annualPrinted() != null
                && !r.annualPrinted().isBlank()
                && !r.annualPrinted().strip().equals("—");
        String where =
            r.sourceLine() != null
                ? W.get("provenance.plan.line", "line", r.sourceLine())
                : t.getKey().origin() == TableSpec.Origin.PLAN
                    ? W.get("provenance.plan.row", "table", r.table(), "seq", r.seq())
                    : W.get("provenance.plan.text");
        rows.add(
            List.of(
                Cell.text(
                    W.get(
                        annualOnly ? "provenance.target.annual" : "provenance.target.figure",
                        "ref",
                        d.ref(t.getKey()),
                        "seq",
                        r.seq())),
                Cell.text(d.meta.regionCode()),
                Cell.number(r.targetYear() == null ? "" : String.valueOf(r.targetYear())),
                Cell.text(r.indicator().code()),
                Cell.text(r.indicator().name()),
                Cell.text(""),
                Cell.number(plain(r.targetValue())),
                Cell.text(""),
                Cell.text(""),
                Cell.text(annualOnly ? r.annualPrinted() : r.targetPrinted()),
                Cell.number(""),
                Cell.text(""),
                Cell.text(W.get("provenance.plan.source", "plan", d.meta.title(), "where", where)),
                Cell.text("false"),
                Cell.text("false"),
                Cell.text(W.get("provenance.plan.file")),
                Cell.number(r.sourceLine() == null ? "" : String.valueOf(r.sourceLine())),
                Cell.text("")));
      }
    }
    return rows;
  }

  private static String plain(BigDecimal v) {
    return v == null ? "" : v.stripTrailingZeros().toPlainString();
  }
}
