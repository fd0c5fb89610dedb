package org.planreports.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.assessment.Note;
import org.planreports.assessment.YearGrowth;
import org.planreports.indicator.Source;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.TableSpec;

/**
 * The figures a publication prints, one canonical line each, from the typed rows it is built from:
 * every assessed row with the target it was assessed against (the plan's own wording of its name,
 * base, target and note included), every row of a previous-period table, every input figure it
 * prints with its value, formula, 初步/示例 marks and stated source (数据来源), and every chart series. Not
 * the input files' names, digests or lines, paths or times: a publication whose lines are the same
 * has the same figures, whatever else changed in the files it was read from.
 *
 * <p>Each field is written as its length, a colon and its text, so no text can run into the next.
 */
final class PrintedFigures {

  private PrintedFigures() {}

  static List<String> of(Draft d) {
    List<String> out = new ArrayList<>();
    out.add(line("publication", d.key.folderName(), d.publication, d.meta.regionName()));
    for (Map.Entry<TableSpec, List<AssessedRow>> e : d.assessed.entrySet()) {
      for (AssessedRow ar : e.getValue()) {
        out.add(row(e.getKey(), ar.row()));
        out.add(assessment(ar.assessment()));
        for (YearGrowth g : ar.assessment().singleYearGrowths()) {
          out.add(line("growth", g.year(), n(g.growthPct()), g.met()));
        }
        for (Note note : ar.assessment().notes()) {
          out.add(line("note", note.words()));
        }
      }
    }
    for (TableSpec t : d.history) {
      for (CatalogueRow r : d.plan.rows(t.name())) {
        out.add(row(t, r));
      }
    }
    for (Draft.Use u : d.uses) {
      var v = u.value();
      out.add(
          line(
              "figure",
              u.figure(),
              v.indicator(),
              v.year(),
              n(v.value()),
              v.preliminary(),
              v.sample(),
              v.formula()));
      for (Source s : v.sources()) {
        out.add(line("source", s.item(), s.raw(), n(s.value()), s.origin()));
      }
    }
    out.addAll(d.charts);
    // The office's commentary, as printed: only a publication with one has these lines.
    out.addAll(d.commentary);
    return out;
  }

  /** A chart's series, as the chart section draws it. */
  static String chart(
      String caption,
      List<TrendChart.Point> values,
      TrendChart.Point target,
      List<TrendChart.Point> path) {
    return line("chart", caption, points(values), target == null ? "" : points(List.of(target)))
        + line("path", points(path));
  }

  private static String points(List<TrendChart.Point> points) {
    StringBuilder sb = new StringBuilder();
    for (TrendChart.Point p : points) {
      sb.append(p.year()).append('=').append(p.value()).append(';');
    }
    return sb.toString();
  }

  private static String row(TableSpec t, CatalogueRow r) {
    return line(
        "row",
        t.name(),
        r.seq(),
        r.indicator().code(),
        r.printedName(),
        r.indicator().unit(),
        r.kind() == null ? "" : r.kind().name(),
        r.attribute() == null ? "" : r.attribute().name(),
        r.baselineYear(),
        r.baselinePrinted(),
        r.targetYear(),
        r.targetPrinted(),
        r.comparator() == null ? "" : r.comparator().name(),
        n(r.targetValue()),
        n(r.targetUpper()),
        r.annualPrinted(),
        r.decimals(),
        r.note());
  }

  private static String assessment(Assessment a) {
    return line(
        "assessment",
        a.kind().name(),
        a.stage().name(),
        a.year(),
        a.targetYear(),
        a.status().name(),
        a.baselineYear(),
        n(a.baseline()),
        a.dataYear(),
        n(a.value()),
        n(a.timeProgressPct()),
        n(a.completionPct()),
        n(a.scheduleRatio()),
        n(a.projection()),
        a.projectionMet(),
        n(a.requiredAnnualGrowthPct()),
        a.met(),
        a.warning(),
        a.preliminary(),
        a.singleYearsMet());
  }

  private static String n(BigDecimal v) {
    return v == null ? null : v.toString();
  }

  static String line(Object... fields) {
    StringBuilder sb = new StringBuilder();
    for (Object f : fields) {
      String s = f == null ? "\u0000" : f.toString();
      sb.append(s.length()).append(':').append(s).append(' ');
    }
    return sb.toString();
  }
}
