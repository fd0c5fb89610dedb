package org.planreports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planreports.assessment.AssessedRow;
import org.planreports.core.Messages;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Indicator;
import org.planreports.plan.Kind;
import org.planreports.plan.TableSpec;

/**
 * The public appendix, 指标解释与数据来源, in the plan's words: for each table the publication prints and
 * each of its rows, the indicator as the table names it, how it is computed from the plan's
 * statistics ({@link FormulaWords}), the 数据来源 its figures were reported by, and which years are 初步
 * or were reported directly rather than computed. An indicator already explained in an earlier
 * table refers to it. No item codes, file names, lines or digests: those are the audit trail, the
 * companion {@link ProvenanceCsv provenance.csv}.
 */
final class ProvenanceSection {

  private static final Messages W = Messages.bundle("appendix");

  private ProvenanceSection() {}

  static Section build(Draft d, String heading) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, String> explained = new LinkedHashMap<>();
    Set<String> allSources = new LinkedHashSet<>();
    for (TableSpec t : PublicationPlanner.tables(d.plan, d.type())) {
      String group = W.get("appendix.group", "ref", d.ref(t), "title", t.heading());
      for (CatalogueRow r : rows(d, t)) {
        Indicator ind = r.indicator();
        List<IndicatorValue> values = values(d, ind.code());
        Set<String> sources = new LinkedHashSet<>();
        TreeSet<Integer> preliminary = new TreeSet<>();
        TreeSet<Integer> direct = new TreeSet<>();
        for (IndicatorValue v : values) {
          for (Source s : v.sources()) {
            if (s.origin() != null && !s.origin().isBlank()) {
              sources.add(s.origin().strip());
            }
          }
          if (v.preliminary()) {
            preliminary.add(v.year());
          }
          if (!ind.formula().isSingleItem() && !ind.formula().text().equals(v.formula())) {
            direct.add(v.year());
          }
        }
        allSources.addAll(sources);
        List<String> remarks = new ArrayList<>();
        if (!direct.isEmpty()) {
          remarks.add(W.get("appendix.remark.direct", "years", years(direct)));
        }
        if (!preliminary.isEmpty()) {
          remarks.add(W.get("appendix.remark.preliminary", "years", years(preliminary)));
        }
        String seen = explained.get(key(r));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("seq", String.valueOf(r.seq()));
        row.put("name", Draft.stripUnit(r.printedName()));
        row.put("method", seen != null ? seen : method(r, d));
        row.put(
            "source",
            sources.isEmpty()
                ? W.get("appendix.source.none")
                : String.join(W.get("appendix.source.sep"), sources));
        row.put("remark", String.join(W.get("appendix.remark.sep"), remarks));
        rows.add(row);
        explained.putIfAbsent(
            key(r), W.get("appendix.method.see", "ref", d.ref(t), "seq", r.seq()));
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("CAPTION", W.get("appendix.caption"));
    p.put("UNIT", "");
    p.put(
        "NOTES",
        d.numberedNotes(
            List.of(
                W.get("appendix.note.method"),
                W.get("appendix.note.targets"),
                W.get(
                    "appendix.note.trace",
                    "publication",
                    W.get(
                        d.evaluation()
                            ? "appendix.publication.evaluation"
                            : "appendix.publication.bulletin")))));
    p.put(
        "SOURCE",
        W.get(
            "appendix.source",
            "sources",
            allSources.isEmpty()
                ? W.get("appendix.source.none")
                : String.join(W.get("appendix.source.sep"), allSources)));
    p.put("H_SEQ", W.get("appendix.column.seq"));
    p.put("H_NAME", W.get("appendix.column.name"));
    p.put("H_METHOD", W.get("appendix.column.method"));
    p.put("H_SOURCE", W.get("appendix.column.source"));
    p.put("H_REMARK", W.get("appendix.column.remark"));
    return new Section("provenance", "", p, rows).withHeading(heading);
  }

  /** What makes two rows' methods the same: the indicator and, for a growth or sum, the kind. */
  private static String key(CatalogueRow r) {
    boolean ofSeries = r.kind() == Kind.GROWTH || r.kind() == Kind.CUMULATIVE;
    return r.indicator().code() + (ofSeries ? "/" + r.kind().name() : "");
  }

  /**
   * The row's 计算方法: the indicator's formula in words; for a growth target the average annual growth
   * of that series, for a cumulative one its sum over the plan's years.
   */
  static String method(CatalogueRow r, Draft d) {
    String words = FormulaWords.of(r.indicator(), d.plan.items(), Draft.stripUnit(r.printedName()));
    if (r.kind() == Kind.GROWTH) {
      return W.get("appendix.method.growth", "series", r.indicator().name().strip());
    }
    if (r.kind() == Kind.CUMULATIVE) {
      return W.get("appendix.method.cumulative", "method", words);
    }
    return words;
  }

  /** The rows a table of this publication prints, in its order. */
  private static List<CatalogueRow> rows(Draft d, TableSpec t) {
    List<AssessedRow> assessed = d.assessed.get(t);
    return assessed == null
        ? d.plan.rows(t.name())
        : assessed.stream().map(AssessedRow::row).toList();
  }

  /** The values of an indicator the publication printed, each once, by year. */
  private static List<IndicatorValue> values(Draft d, String indicator) {
    Map<Integer, IndicatorValue> byYear = new java.util.TreeMap<>();
    for (Draft.Use u : d.uses) {
      if (u.value().indicator().equals(indicator)) {
        byYear.putIfAbsent(u.value().year(), u.value());
      }
    }
    return List.copyOf(byYear.values());
  }

  private static String years(TreeSet<Integer> years) {
    return String.join(W.get("appendix.year.sep"), years.stream().map(String::valueOf).toList());
  }
}
