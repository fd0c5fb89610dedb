package org.planreports.report;

import java.util.Locale;

/**
 * A character in a report has no glyph in the bundled font that would draw it. Raised before
 * export, so that a PDF never shows an empty box or silently drops a character.
 */
public class MissingGlyphException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int codePoint;
  private final String fontFamily;
  private final int pageNumber;
  private final String text;

  /**
   * @param codePoint the character without a glyph
   * @param fontFamily the font family the text asks for
   * @param pageNumber 1-based page number in the exported document, or 0 when not on a page yet
   * @param text the text the character occurs in
   */
  public MissingGlyphException(int codePoint, String fontFamily, int pageNumber, String text) {
    super(message(codePoint, fontFamily, pageNumber, text));
    this.codePoint = codePoint;
    this.fontFamily = fontFamily;
    this.pageNumber = pageNumber;
    this.text = text;
  }

  /** {@code U+XXXX} notation of a code point, at least four hex digits. */
  public static String codePointLabel(int codePoint) {
    return String.format(Locale.ROOT, "U+%04X", codePoint);
  }

  private static String message(int codePoint, String fontFamily, int pageNumber, String text) {
    String where = pageNumber > 0 ? "on page " + pageNumber : "in chart text";
    return "font '"
        + fontFamily
        + "' has no glyph for "
        + codePointLabel(codePoint)
        + " '"
        + new String(Character.toChars(codePoint))
        + "' "
        + where
        + " in text \""
        + text
        + "\"";
  }

  public int getCodePoint() {
    return codePoint;
  }

  public String getFontFamily() {
    return fontFamily;
  }

  public int getPageNumber() {
    return pageNumber;
  }

  public String getText() {
    return text;
  }
}
