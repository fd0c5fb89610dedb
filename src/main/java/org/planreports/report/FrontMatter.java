package org.planreports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planreports.core.Wording;

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
    p.put("PLAN", planLine(d));
    p.put("PUBLISHER", d.meta.publisher());
    p.put("VINTAGE", w.get("doc.vintage", "year", d.year()));
    return new Section("cover", w.get("cover.bookmark"), p, List.of());
  }

  /** Width of the cover's plan line in cover.jrxml, in points. */
  private static final float PLAN_LINE_WIDTH = 465f;

  /** Font size of the cover's plan line in cover.jrxml. */
  private static final float PLAN_LINE_SIZE = 11f;

  /**
   * The plan's title and document number on one line where they fit; else broken between them, so
   * the line wraps at a natural point instead of leaving the document's last characters alone.
   */
  static String planLine(Draft d) {
    Wording w = d.w;
    if (d.meta.document() == null) {
      return w.get("cover.plan", "plan", d.meta.title());
    }
    String one =
        w.get("cover.plan.document", "plan", d.meta.title(), "document", d.meta.document());
    java.awt.Font font =
        ReportFonts.awtFont(
            net.sf.jasperreports.engine.DefaultJasperReportsContext.getInstance(),
            ReportFonts.SERIF,
            java.awt.Font.PLAIN,
            PLAN_LINE_SIZE);
    double width =
        new java.awt.font.TextLayout(
                one, font, new java.awt.font.FontRenderContext(null, true, true))
            .getAdvance();
    return width <= PLAN_LINE_WIDTH
        ? one
        : w.get("cover.plan.document.lines", "plan", d.meta.title(), "document", d.meta.document());
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
