package org.planreports.report;

import java.awt.Font;
import java.util.Locale;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;
import org.planreports.core.Glyphs;

/**
 * The bundled font families (see {@code src/main/resources/fonts/README.md}) and their AWT fonts.
 */
public final class ReportFonts {

  /** Song/Ming serif for body text and tables. */
  public static final String SERIF = Glyphs.SERIF;

  /** Hei sans for headings and charts; has a bold face. */
  public static final String SANS = Glyphs.SANS;

  private ReportFonts() {}

  /**
   * The AWT font of a bundled family, loaded from the JasperReports font extension.
   *
   * @param style {@link Font#PLAIN}, {@link Font#BOLD}, ...
   * @throws IllegalStateException if the family is not one of the bundled fonts: the reports never
   *     fall back to a font of the machine they run on
   */
  public static Font awtFont(JasperReportsContext context, String family, int style, float size) {
    Font font =
        FontUtil.getInstance(context)
            .getAwtFontFromBundles(family, style, size, Locale.SIMPLIFIED_CHINESE, true);
    if (font == null) {
      throw new IllegalStateException(
          "font family '"
              + family
              + "' is not a bundled font; use '"
              + SERIF
              + "' or '"
              + SANS
              + "'");
    }
    return font;
  }

  /**
   * Throws if {@code font} cannot draw a character of {@code text}; whitespace and control
   * characters are not drawn and are not checked.
   *
   * @param pageNumber 1-based page, or 0 for text that is not on a page (charts)
   */
  static void requireGlyphs(Font font, String family, String text, int pageNumber) {
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (!isInvisible(codePoint) && !font.canDisplay(codePoint)) {
        throw new MissingGlyphException(codePoint, family, pageNumber, text);
      }
      i += Character.charCount(codePoint);
    }
  }

  private static boolean isInvisible(int codePoint) {
    return Glyphs.isInvisible(codePoint);
  }
}
