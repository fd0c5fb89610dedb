package org.planreports.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.io.Serializable;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;
import org.planreports.core.Wording;

/**
 * The diagonal “示例数据 非官方统计” watermark of a page built from sample data, drawn as vector outlines in
 * light grey across the page's background (REPORTS.md "Honest and traceable").
 */
public final class Watermark implements Graphics2DRenderable, Renderable, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final String TEXT = Wording.zh().get("watermark");

  private final String text;

  public Watermark(String text) {
    this.text = text;
  }

  /**
   * The watermark of a page: the review copy's (审阅稿) and the sample data's, either or both (one
   * line each), or none.
   */
  public static Watermark of(boolean sample, boolean review) {
    if (!sample && !review) {
      return null;
    }
    String reviewText = org.planreports.core.Messages.bundle("review").get("review.watermark");
    return new Watermark(review && sample ? reviewText + "\n" + TEXT : review ? reviewText : TEXT);
  }

  @Override
  public String getId() {
    return "watermark-" + Integer.toHexString(text.hashCode());
  }

  @Override
  public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
    Font font = ReportFonts.awtFont(context, ReportFonts.SANS, Font.BOLD, 54f);
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setColor(new Color(225, 225, 225));
      String[] lines = text.split("\n");
      float lineHeight = font.getSize2D() * 1.4f;
      for (int i = 0; i < lines.length; i++) {
        ReportFonts.requireGlyphs(font, ReportFonts.SANS, lines[i], 0);
        TextLayout layout = new TextLayout(lines[i], font, new FontRenderContext(null, true, true));
        Rectangle2D bounds = layout.getBounds();
        AffineTransform at = new AffineTransform();
        at.translate(area.getCenterX(), area.getCenterY());
        at.rotate(-Math.atan2(area.getHeight(), area.getWidth()));
        at.translate(
            -bounds.getCenterX(),
            -bounds.getCenterY() + (i - (lines.length - 1) / 2f) * lineHeight);
        g2.fill(at.createTransformedShape(layout.getOutline(null)));
      }
    } finally {
      g2.dispose();
    }
  }
}
