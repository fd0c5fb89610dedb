package org.planreports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An evaluation report's cover and 目录. */
final class FrontMatter {

  private FrontMatter() {}

  static Section cover(Draft d) {
    Wording w = d.w;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "TITLE",
        w.get(
            "cover.title",
            "region",
            d.meta.regionName(),
            "short",
            d.meta.shortTitle(),
            "publication",
            d.publication));
    p.put(
        "PLAN",
        d.meta.document() == null
            ? w.get("cover.plan", "plan", d.meta.title())
            : w.get("cover.plan.document", "plan", d.meta.title(), "document", d.meta.document()));
    p.put("PUBLISHER", d.meta.publisher());
    p.put("VINTAGE", w.get("doc.vintage", "year", d.year()));
    return new Section("cover", w.get("cover.bookmark"), p, List.of());
  }

  /** One row per later section; the renderer fills in each section's first page. */
  static Section contents(Draft d, List<Section> body) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Section s : body) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("title", s.bookmark());
      row.put("target", s.bookmark());
      row.put("page", null);
      rows.add(row);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(Section.HEADING, d.w.get("contents.heading"));
    return new Section("contents", d.w.get("contents.bookmark"), p, rows);
  }
}
