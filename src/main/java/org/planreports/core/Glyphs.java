package org.planreports.core;

import java.awt.Font;
import java.util.Locale;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;

/**
 * Which characters the publications can draw: the bundled font families (see {@code
 * src/main/resources/fonts/README.md}), asked before anything is rendered, so that input and plan
 * bundles are checked against the same faces the reports use.
 */
public final class Glyphs {

  /** Song/Ming serif for body text and tables. */
  public static final String SERIF = "Noto Serif CJK SC";

  /** Hei sans for headings and charts; has a bold face. */
  public static final String SANS = "Noto Sans CJK SC";

  private Glyphs() {}

  /** The faces data text is set in; loaded once, on the first character that is not ASCII. */
  private static final class Coverage {
    static final java.util.List<Font> FACES =
        java.util.List.of(face(SERIF, Font.PLAIN), face(SANS, Font.PLAIN), face(SANS, Font.BOLD));
  }

  /**
   * The index of the first character of {@code text} that a bundled face cannot draw (the checks
   * {@code ReportFonts.requireGlyphs} makes when a report is rendered, made before: on the input),
   * or -1. Printable ASCII is in every face and costs no font lookup.
   */
  public static int firstUndrawable(String text) {
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if ((codePoint < 0x20 || codePoint >= 0x7F) && !isInvisible(codePoint)) {
        for (Font face : Coverage.FACES) {
          if (!face.canDisplay(codePoint)) {
            return i;
          }
        }
      }
      i += Character.charCount(codePoint);
    }
    return -1;
  }

  private static Font face(String family, int style) {
    Font font =
        FontUtil.getInstance(DefaultJasperReportsContext.getInstance())
            .getAwtFontFromBundles(family, style, 10f, Locale.SIMPLIFIED_CHINESE, true);
    if (font == null) {
      throw new IllegalStateException("font family '" + family + "' is not a bundled font");
    }
    return font;
  }

  /** Whitespace and control characters are not drawn and are not checked. */
  public static boolean isInvisible(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.isISOControl(codePoint);
  }
}
