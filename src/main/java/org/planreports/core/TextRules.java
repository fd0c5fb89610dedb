package org.planreports.core;

import java.util.Optional;

/** Rules on free text that ends up in a publication: the bundled fonts must be able to draw it. */
public final class TextRules {

  private static final Messages WORDS = Messages.bundle("input");

  private TextRules() {}

  /**
   * An error when {@code text} holds a character the bundled fonts cannot draw (an emoji, a CJK
   * extension character such as U+20000): which character, where in the cell, and its code point.
   */
  public static Optional<Finding> undrawable(
      String file, long line, String column, String what, String text) {
    int at = Glyphs.firstUndrawable(text);
    if (at < 0) {
      return Optional.empty();
    }
    int cp = text.codePointAt(at);
    String u = String.format("U+%04X", cp);
    return Optional.of(
        Finding.error(
            "E_GLYPH",
            file,
            line,
            column,
            text,
            WORDS.get(
                "input.glyph",
                "what",
                what,
                "at",
                text.codePointCount(0, at) + 1,
                "code",
                u,
                "char",
                new String(Character.toChars(cp))),
            WORDS.get("input.glyph.expected", "code", u)));
  }
}
