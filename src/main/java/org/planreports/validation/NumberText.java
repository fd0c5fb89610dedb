package org.planreports.validation;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.planreports.core.Messages;

/**
 * Reads a value cell by DATA-CONTRACT.md: ASCII decimals; empty, "-", "—" or "…" mean not
 * available; full-width digits and a quoted thousands separator are normalised with a warning;
 * anything else (text, two decimal points, a percent sign, scientific notation, NaN) is an error.
 */
public final class NumberText {

  private static final Messages WORDS = Messages.bundle("input");

  /** The outcome: a value, not available, or an error; {@code warning} names a normalisation. */
  public record Parsed(BigDecimal value, boolean notAvailable, String warning, String error) {

    public boolean isError() {
      return error != null;
    }
  }

  private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  /**
   * The distance of a full-width form (U+FF01 to U+FF5E) from its ASCII character; the full-width
   * forms of {@link #FOLDED} are read as those characters.
   */
  private static final int FULL_WIDTH = 0xFEE0;

  private static final String FOLDED = "0123456789.,-%";

  private NumberText() {}

  public static Parsed parse(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()
        || s.equals("-")
        || s.equals("—")
        || s.equals("——")
        || s.equals("…")
        || s.equals("……")
        || s.equals("...")) {
      return new Parsed(null, true, null, null);
    }
    String warning = null;
    String ascii = toAscii(s);
    if (!ascii.equals(s)) {
      warning = WORDS.format("input.number.fullwidth");
    }
    if (THOUSANDS.matcher(ascii).matches()) {
      ascii = ascii.replace(",", "");
      warning =
          warning == null
              ? WORDS.format("input.number.thousands")
              : WORDS.get("input.number.thousands.also", "warning", warning);
    }
    if (PLAIN.matcher(ascii).matches()) {
      return new Parsed(new BigDecimal(ascii), false, warning, null);
    }
    return new Parsed(null, false, null, describe(ascii));
  }

  private static String describe(String s) {
    if (s.endsWith("%")) {
      return WORDS.format("input.number.percent");
    }
    if (s.matches("-?\\d+(\\.\\d+)?[eE][-+]?\\d+")) {
      return WORDS.format("input.number.scientific");
    }
    if (s.equalsIgnoreCase("nan") || s.toLowerCase().contains("inf")) {
      return WORDS.format("input.number.infinite");
    }
    if (s.chars().filter(c -> c == '.').count() > 1) {
      return WORDS.format("input.number.points");
    }
    return WORDS.format("input.number.not");
  }

  private static String toAscii(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c > FULL_WIDTH && FOLDED.indexOf(c - FULL_WIDTH) >= 0) {
        sb.append((char) (c - FULL_WIDTH));
      } else if (c == '\u2212') {
        sb.append('-');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
