package org.planreports.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planreports.assessment.AssessedRow;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.ingest.InputFile;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Indicator;
import org.planreports.plan.Item;
import org.planreports.plan.TableSpec;

/**
 * The provenance appendix: every printed figure with its input file, line, item = raw text (and the
 * value in the item's unit where the extract wrote another unit) and formula, so it can be
 * recomputed as printed; each target with the line of the plan's text it transcribes (or, where the
 * bundle names none, the plan's table and row); and the SHA-256 of each input file used.
 */
final class ProvenanceSection {

  private ProvenanceSection() {}

  static Section build(Draft d, String heading) {
    Wording w = d.w;
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    for (Draft.Use u : d.uses) {
      for (Source s : u.value().sources()) {
        files.add(s.file());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", u.figure());
        row.put("file", s.file());
        row.put("line", String.valueOf(s.line()));
        row.put("item", item(d, s));
        row.put("formula", formula(d, u.value()));
        rows.add(row);
      }
    }
    // The targets are printed figures too: each cites the plan's text line or its own table row.
    for (Map.Entry<TableSpec, List<AssessedRow>> t : d.assessed.entrySet()) {
      for (AssessedRow a : t.getValue()) {
        CatalogueRow r = a.row();
        if (r.targetPrinted() == null || r.targetPrinted().isBlank()) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", w.get("figure.target.ref", "ref", d.ref(t.getKey()), "seq", r.seq()));
        row.put("file", w.get("provenance.target.file"));
        row.put("line", "");
        boolean annualOnly =
            r.targetPrinted().strip().equals("—")
                && r.annualPrinted() != null
                && !r.annualPrinted().isBlank()
                && !r.annualPrinted().strip().equals("—");
        row.put(
            "item",
            annualOnly
                ? w.get("provenance.target.annual", "annual", r.annualPrinted())
                : w.get("provenance.target.item", "target", r.targetPrinted()));
        row.put(
            "formula",
            r.sourceLine() != null
                ? w.get("provenance.line.plan", "line", r.sourceLine())
                : t.getKey().origin() == TableSpec.Origin.PLAN
                    ? w.get("provenance.line.table", "table", r.table(), "seq", r.seq())
                    : w.get("provenance.line.text"));
        rows.add(row);
      }
    }
    List<String> hashes = new ArrayList<>();
    for (InputFile f : d.inputs) {
      if (files.contains(f.name())) {
        hashes.add(w.get("provenance.file", "file", f.name(), "sha", f.sha256()));
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("CAPTION", w.get("provenance.caption"));
    p.put("UNIT", "");
    p.put(
        "NOTES",
        d.numberedNotes(List.of(w.get("provenance.note.columns"), w.get("provenance.note.files"))));
    p.put("FILES", String.join("\n", hashes));
    p.put("SOURCE", w.get("provenance.source"));
    return new Section("provenance", "", p, rows).withHeading(heading);
  }

  /** “RD_EXP = 86200（折合8.62亿元）” where the raw text is not the value used. */
  private static String item(Draft d, Source s) {
    Item item = d.plan.items().get(s.item());
    BigDecimal raw = parse(s.raw());
    if (item != null && s.value() != null && raw != null && raw.compareTo(s.value()) != 0) {
      return w(d).get(
              "provenance.item.converted",
              "item",
              s.item(),
              "raw",
              s.raw(),
              "value",
              s.value().stripTrailingZeros().toPlainString(),
              "unit",
              item.unit());
    }
    return w(d).get("provenance.item", "item", s.item(), "raw", s.raw());
  }

  /** The indicator's formula, or, for a derived indicator the office reported itself, 直接填报 X. */
  private static String formula(Draft d, IndicatorValue v) {
    Indicator ind = d.plan.indicators().get(v.indicator());
    boolean reported =
        ind != null && ind.formula() != null && !ind.formula().text().equals(v.formula());
    return reported ? w(d).get("provenance.formula.direct", "item", v.formula()) : v.formula();
  }

  private static Wording w(Draft d) {
    return d.w;
  }

  private static BigDecimal parse(String raw) {
    try {
      return raw == null ? null : new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
