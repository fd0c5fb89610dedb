package org.planreports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.assessment.Note;
import org.planreports.core.CompanionCsv;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorValue;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Kind;
import org.planreports.plan.ReportedStatus;
import org.planreports.plan.TableSpec;

/**
 * One assessment table: the plan's own columns as the bundle declares them (base, target, 年均 or a
 * per-row target year, 指标属性), then the year's value, 完成进度, 时序进度 (or the change since the base in
 * the final evaluation) and 评估结论; its notes, sources and companion CSV.
 */
final class AssessmentTableSection {

  private AssessmentTableSection() {}

  record Built(Section section, byte[] csv) {}

  static Built build(Draft d, TableSpec table, List<AssessedRow> rows) {
    Wording w = d.w;
    int from = d.uses.size();
    boolean planTable = table.origin() == TableSpec.Origin.PLAN;
    List<Integer> years = rows.stream().map(r -> r.row().targetYear()).distinct().sorted().toList();
    boolean oneYear = years.size() == 1;
    boolean yearColumn = !table.annualColumn();
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, List<Integer>> notes = new LinkedHashMap<>();
    Set<String> units = new LinkedHashSet<>();
    List<String> tail = new ArrayList<>();
    boolean anyChange = false;
    // Whether any row is one the 完成进度/时序进度 formula is computed for.
    boolean formula = false;
    boolean anyBaselinePrinted = false;
    boolean anyAttribute = false;
    boolean attributeMissing = false;
    // A heading that claims the plan's 现状值 only over a column that holds nothing else
    // (METRICS.md, ruling of 2026-12-05): else the column is 基期值 and says where each came from.
    // A table from the plan's text whose every baseline the text prints follows the same rule
    // (methodology-zh.md §五, 表中的基期列).
    boolean planBaseHeading =
        rows.stream().noneMatch(ar -> dataBaseline(ar.row(), ar.assessment()))
            && (planTable || rows.stream().anyMatch(ar -> printedBaseline(ar.row())));
    for (AssessedRow ar : rows) {
      CatalogueRow r = ar.row();
      Assessment a = ar.assessment();
      if (r.kind() != Kind.QUALITATIVE) {
        // A qualitative row prints words, in no unit.
        units.add(r.indicator().unit());
      }
      formula |= r.kind() != Kind.QUALITATIVE && r.kind() != Kind.MILESTONE;
      anyBaselinePrinted |= r.baselinePrinted() != null && !r.baselinePrinted().equals("—");
      anyAttribute |= r.attribute() != null;
      attributeMissing |= r.attribute() == null;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seq", String.valueOf(r.seq()));
      row.put("name", r.printedName());
      boolean printedBase = r.baselinePrinted() != null && !r.baselinePrinted().equals("—");
      // Under a 现状值 heading only what the plan printed (a text table's too: “约3.5亿元”).
      boolean wordedBase = printedBase && (planTable || planBaseHeading);
      String base = wordedBase ? r.baselinePrinted() : baselineText(w, d.meta.baseYear(), r, a);
      if (planTable && !printedBase && a.baseline() != null && !base.equals("—")) {
        // The plan prints no baseline here: show the one the assessment used, so that C can be
        // recomputed from the row, and say where it came from.
        addNote(notes, w.get("note.base.data", "year", a.baselineYear()), r.seq());
      }
      if (wordedBase) {
        Draft.wordedCell(row, "base", base);
      } else {
        Draft.cell(row, "base", base);
      }
      String target = targetText(r);
      if (!yearColumn && !oneYear) {
        target = w.get("cell.target-with-year", "target", target, "year", r.targetYear());
      }
      Draft.wordedCell(row, "target", target);
      row.put(
          "annual",
          yearColumn ? w.get("cell.year", "year", r.targetYear()) : nz(r.annualPrinted()));
      row.put("attr", r.attribute() == null ? "—" : r.attribute().label());
      Draft.cell(row, "value", valueText(w, r, a));
      if (r.kind() == Kind.LEVEL || r.kind() == Kind.RANGE) {
        // What the office's commentary may cite: the indicator's own figures this row prints.
        if (a.value() != null && a.dataYear() != null) {
          d.printed(r.indicator().code(), a.dataYear(), valueText(w, r, a));
        }
        if (!wordedBase && a.baseline() != null && a.baselineYear() != null) {
          d.printed(r.indicator().code(), a.baselineYear(), Fmt.num(a.baseline(), r.decimals()));
        }
      }
      Draft.cell(
          row, "completion", a.completionPct() == null ? "—" : Fmt.pct1(a.completionPct()) + "%");
      if (d.isFinal()) {
        String change = changeText(r, a);
        anyChange |= !change.equals("—");
        Draft.cell(row, "c9", change);
        if (r.kind() == Kind.GROWTH && a.value() != null && !ar.used().isEmpty()) {
          IndicatorValue last = ar.used().get(ar.used().size() - 1);
          int p = r.indicator().precision();
          addNote(
              notes,
              w.get(
                  a.singleYearGrowths().isEmpty() ? "note.growth.no-single-year" : "note.growth",
                  "series",
                  r.indicator().name(),
                  "from_year",
                  a.baselineYear(),
                  "from",
                  Fmt.num(a.baseline(), p),
                  "unit",
                  r.indicator().unit(),
                  "to_year",
                  last.year(),
                  "to",
                  Fmt.num(last.value(), p),
                  "rate",
                  Fmt.num(a.value(), r.decimals()),
                  "years",
                  a.singleYearGrowths().size(),
                  "met",
                  a.singleYearsMet()),
              r.seq());
        }
      } else {
        Draft.cell(
            row, "c9", a.timeProgressPct() == null ? "—" : Fmt.pct1(a.timeProgressPct()) + "%");
      }
      row.put("status", a.status().label());
      row.put("status_key", a.status().name());
      String projection = d.isMidterm() ? a.projectionLabel() : null;
      row.put("projection", projection == null ? "" : projection);
      out.add(row);
      for (Note n : a.notes()) {
        addNote(notes, n.words(), r.seq());
      }
      if (r.note() != null) {
        addNote(notes, r.note() + w.get("note.end"), r.seq());
      }
      for (IndicatorValue v : ar.used()) {
        d.use(d.w.get("figure.ref", "ref", d.ref(table), "seq", r.seq(), "year", v.year()), v);
      }
    }
    List<String> noteLines = new ArrayList<>();
    notes.forEach(
        (text, seqs) -> {
          String end = w.get("note.end");
          String body = text.endsWith(end) ? text.substring(0, text.length() - end.length()) : text;
          noteLines.add(
              w.get(
                  "note.rows",
                  "seqs",
                  seqs.stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(w.get("list.enum"))),
                  "text",
                  body));
        });
    String method = d.evaluation() ? d.methodAppendix() : w.get("note.method.bulletin");
    if (formula) {
      noteLines.add(
          w.get(
              d.isFinal() ? "note.formula.final" : "note.formula",
              "year",
              d.year(),
              "method",
              method));
    } else {
      noteLines.add(w.get("note.method.only", "method", method));
    }
    if (d.isFinal() && anyChange) {
      noteLines.add(w.get("note.change", "year", d.year()));
    }
    noteLines.add(w.get("note.legend"));
    String yearsNote = oneYear && !yearColumn ? "" : targetYears(w, rows);
    if (planTable) {
      List<String> cols = new ArrayList<>();
      cols.add(w.get("note.origin.name"));
      if (anyBaselinePrinted) {
        cols.add(
            planBaseHeading
                ? w.get("note.origin.base.plan", "year", d.meta.baseYear())
                : w.get("note.origin.base.mixed", "year", d.meta.baseYear()));
      }
      cols.add(
          oneYear && !yearColumn
              ? w.get("note.origin.target.year", "year", years.get(0))
              : w.get("note.origin.target"));
      if (table.annualColumn()) {
        cols.add(w.get("note.origin.annual"));
      }
      if (anyAttribute) {
        cols.add(w.get("note.origin.attribute"));
      }
      String columns =
          cols.size() == 1
              ? cols.get(0)
              : String.join(w.get("list.enum"), cols.subList(0, cols.size() - 1))
                  + w.get("list.and")
                  + cols.get(cols.size() - 1);
      noteLines.add(
          w.get("note.origin.plan", "columns", columns, "table", table.name(), "years", yearsNote));
    } else {
      noteLines.add(
          planBaseHeading
              ? w.get("note.origin.text.base", "base_year", d.meta.baseYear(), "years", yearsNote)
              : w.get("note.origin.text", "years", yearsNote));
    }
    if (rows.stream().anyMatch(r -> r.row().kind() == Kind.CUMULATIVE)) {
      tail.add(w.get("note.cumulative"));
    }
    if (attributeMissing) {
      tail.add(w.get("note.attribute.missing"));
    }
    noteLines.addAll(tail);
    String suffix = suffix(d);
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
            suffix,
            "plan_ref",
            d.planRef(table));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("CAPTION", caption);
    // A table of unitless items (an index) prints no bare “单位：”.
    p.put(
        "UNIT",
        units.size() == 1
                && !units.iterator().next().isEmpty()
                && !units.iterator().next().equals("—")
            ? w.get("table.unit", "unit", units.iterator().next())
            : "");
    p.put(
        "H_BASE",
        planBaseHeading
            ? w.get("header.base.plan", "year", d.meta.baseYear())
            : w.get("header.base"));
    p.put(
        "H_TARGET",
        oneYear && !yearColumn
            ? w.get("header.target.year", "year", years.get(0))
            : w.get("header.target"));
    p.put("H_ANNUAL", yearColumn ? w.get("header.target-year") : w.get("header.annual"));
    p.put("H_VALUE", w.get("header.value", "year", d.year()));
    p.put("H_C9", d.isFinal() ? w.get("header.change") : w.get("header.time-progress"));
    p.put("NOTES", d.numberedNotes(noteLines));
    p.put("SOURCE", d.sourceLine(from));
    return new Built(new Section("assessment-table", caption, p, out), csv(table, rows));
  }

  /** The section heading: the table's heading, 监测情况/评估, and its one target year if not final. */
  static String heading(Draft d, TableSpec table, List<AssessedRow> rows) {
    List<Integer> years =
        rows.stream()
            .filter(r -> r.row().kind() != Kind.MILESTONE)
            .map(r -> r.row().targetYear())
            .distinct()
            .toList();
    String year =
        years.size() == 1 && years.get(0) != d.meta.finalYear()
            ? d.w.get("table.heading.year", "year", years.get(0))
            : "";
    return table.heading() + suffix(d) + year;
  }

  private static String suffix(Draft d) {
    if (d.type().isBulletin()) {
      return "";
    }
    return d.w.get(d.evaluation() ? "table.suffix.evaluation" : "table.suffix.annual");
  }

  /** x − B at the row's precision, ↑/↓ as in 表1; "—" where there is no level to compare. */
  private static String changeText(CatalogueRow r, Assessment a) {
    if (r.kind() == Kind.GROWTH
        || r.kind() == Kind.MILESTONE
        || r.kind() == Kind.QUALITATIVE
        || a.value() == null
        || a.baseline() == null) {
      return "—";
    }
    return Fmt.change(a.value().subtract(a.baseline()), r.decimals());
  }

  /** The target exactly as the plan words it; a bundle without that wording gets op and value. */
  static String targetText(CatalogueRow r) {
    if (r.targetPrinted() != null) {
      return r.targetPrinted();
    }
    if (r.kind() == Kind.MILESTONE) {
      return Wording.zh().get("cell.year", "year", r.targetValue().toBigInteger());
    }
    if (r.kind() == Kind.RANGE) {
      return Fmt.plain(r.targetValue()) + "~" + Fmt.plain(r.targetUpper());
    }
    return r.comparator().symbol() + Fmt.plain(r.targetValue());
  }

  private static boolean printedBaseline(CatalogueRow r) {
    return r.baselinePrinted() != null && !r.baselinePrinted().equals("—");
  }

  /** Whether the row shows a baseline the method took from data (METRICS.md rules 2 and 3). */
  private static boolean dataBaseline(CatalogueRow r, Assessment a) {
    boolean printed = r.baselinePrinted() != null && !r.baselinePrinted().equals("—");
    return !printed
        && a.baseline() != null
        && r.kind() != Kind.MILESTONE
        && r.kind() != Kind.QUALITATIVE;
  }

  /**
   * A baseline taken from data, in the row's own unit: a GROWTH row's base is a level of its series
   * (at the series' precision, with its unit), never a figure in the rate's %; with its year where
   * it is not the plan's base year (rule 3).
   */
  private static String baselineText(Wording w, int baseYear, CatalogueRow r, Assessment a) {
    if (a.baseline() == null || r.kind() == Kind.MILESTONE || r.kind() == Kind.QUALITATIVE) {
      return "—";
    }
    String value =
        r.kind() == Kind.GROWTH
            ? Fmt.num(a.baseline(), r.indicator().precision()) + r.indicator().unit()
            : Fmt.num(a.baseline(), r.decimals());
    if (a.baselineYear() != null && a.baselineYear() != baseYear) {
      return w.get("cell.base.year", "value", value, "year", a.baselineYear());
    }
    return value;
  }

  static String valueText(Wording w, CatalogueRow r, Assessment a) {
    if (r.kind() == Kind.MILESTONE) {
      return a.value() == null
          ? w.get("cell.milestone.none")
          : w.get("cell.year", "year", a.value().toBigInteger());
    }
    if (a.value() == null) {
      return "…";
    }
    if (r.kind() == Kind.QUALITATIVE) {
      return ReportedStatus.fromCode(a.value()).label();
    }
    return Fmt.num(a.value(), r.decimals());
  }

  /** “，均为{Y}年目标；“…”的目标为{as printed}”, from the rows' own target years. */
  private static String targetYears(Wording w, List<AssessedRow> rows) {
    List<Integer> years =
        rows.stream()
            .filter(r -> r.row().kind() != Kind.MILESTONE)
            .map(r -> r.row().targetYear())
            .distinct()
            .sorted()
            .toList();
    StringBuilder sb = new StringBuilder();
    if (years.size() == 1) {
      sb.append(w.get("note.years.single", "year", years.get(0)));
    }
    for (AssessedRow r : rows) {
      if (r.row().kind() == Kind.MILESTONE
          && (years.size() != 1 || !years.contains(r.row().targetYear()))) {
        sb.append(
            w.get(
                "note.years.other",
                "name",
                Draft.stripUnit(r.row().printedName()),
                "target",
                targetText(r.row())));
      }
    }
    return sb.toString();
  }

  private static void addNote(Map<String, List<Integer>> notes, String text, int seq) {
    List<Integer> seqs = notes.computeIfAbsent(text, k -> new ArrayList<>());
    if (!seqs.contains(seq)) {
      seqs.add(seq);
    }
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }

  private static byte[] csv(TableSpec table, List<AssessedRow> rows) {
    List<List<CompanionCsv.Cell>> out = new ArrayList<>();
    for (AssessedRow ar : rows) {
      CatalogueRow r = ar.row();
      Assessment a = ar.assessment();
      boolean milestone = r.kind() == Kind.MILESTONE;
      String value;
      if (a.value() == null) {
        value = "";
      } else if (milestone) {
        value = a.value().toBigInteger().toString();
      } else if (r.kind() == Kind.QUALITATIVE) {
        value = ReportedStatus.fromCode(a.value()).label();
      } else {
        value = Fmt.num(a.value(), r.decimals());
      }
      String target =
          r.kind() == Kind.RANGE
              ? Fmt.plain(r.targetValue()) + "~" + Fmt.plain(r.targetUpper())
              : Fmt.plain(r.targetValue());
      out.add(
          List.of(
              CompanionCsv.Cell.text(table.name()),
              CompanionCsv.Cell.number(String.valueOf(r.seq())),
              CompanionCsv.Cell.text(Draft.stripUnit(r.printedName())),
              CompanionCsv.Cell.text(r.kind() == Kind.GROWTH ? "%" : r.indicator().unit()),
              CompanionCsv.Cell.text(r.effectiveAttribute().label()),
              CompanionCsv.Cell.number(
                  a.baselineYear() == null ? "" : String.valueOf(a.baselineYear())),
              // A GROWTH row's base is a level in its series' unit, not in the row's %: written
              // with that unit, as the table prints it.
              r.kind() == Kind.GROWTH && a.baseline() != null
                  ? CompanionCsv.Cell.text(
                      Fmt.num(a.baseline(), r.indicator().precision()) + r.indicator().unit())
                  : CompanionCsv.Cell.number(
                      a.baseline() == null || milestone ? "" : Fmt.num(a.baseline(), r.decimals())),
              CompanionCsv.Cell.number(String.valueOf(r.targetYear())),
              CompanionCsv.Cell.text(r.comparator().symbol()),
              r.kind() == Kind.RANGE
                  ? CompanionCsv.Cell.text(target)
                  : CompanionCsv.Cell.number(target),
              CompanionCsv.Cell.number(a.dataYear() == null ? "" : String.valueOf(a.dataYear())),
              r.kind() == Kind.QUALITATIVE
                  ? CompanionCsv.Cell.text(value)
                  : CompanionCsv.Cell.number(value),
              CompanionCsv.Cell.number(Fmt.pct1(a.timeProgressPct())),
              CompanionCsv.Cell.number(Fmt.pct1(a.completionPct())),
              CompanionCsv.Cell.number(Fmt.ratio2(a.scheduleRatio())),
              CompanionCsv.Cell.text(a.status().label()),
              CompanionCsv.Cell.number(
                  a.projection() == null ? "" : Fmt.num(a.projection(), r.decimals())),
              CompanionCsv.Cell.number(Fmt.pct1(a.requiredAnnualGrowthPct())),
              CompanionCsv.Cell.text(
                  a.notes().stream().map(Note::words).collect(Collectors.joining()))));
    }
    return CompanionCsv.write(AssessmentColumns.ALL, out);
  }
}
