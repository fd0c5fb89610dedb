package org.planreports.validation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a value cell by DATA-CONTRACT.md: ASCII decimals; empty, "-", "—" or "…" mean not
 * available; full-width digits and a quoted thousands separator are normalised with a warning;
 * anything else (text, two decimal points, a percent sign, scientific notation, NaN) is an error.
 */
public final class NumberText {

  /** The outcome: a value, not available, or an error; {@code warning} names a normalisation. */
  public record Parsed(BigDecimal value, boolean notAvailable, String warning, String error) {

    public boolean isError() {
      return error != null;
    }
  }

  private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

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
      warning = "全角数字或标点已转换为半角";
    }
    if (THOUSANDS.matcher(ascii).matches()) {
      ascii = ascii.replace(",", "");
      warning = warning == null ? "千位分隔符已去除" : warning + "，千位分隔符已去除";
    }
    if (PLAIN.matcher(ascii).matches()) {
      return new Parsed(new BigDecimal(ascii), false, warning, null);
    }
    return new Parsed(null, false, null, describe(ascii));
  }

  private static String describe(String s) {
    if (s.endsWith("%")) {
      return "数值带有百分号";
    }
    if (s.matches("-?\\d+(\\.\\d+)?[eE][-+]?\\d+")) {
      return "不接受科学计数法";
    }
    if (s.equalsIgnoreCase("nan") || s.toLowerCase().contains("inf")) {
      return "不是有限数值";
    }
    if (s.chars().filter(c -> c == '.').count() > 1) {
      return "数值含有多个小数点";
    }
    return "不是数值";
  }

  private static String toAscii(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c >= '\uFF10' && c <= '\uFF19') {
        sb.append((char) ('0' + (c - '\uFF10')));
      } else if (c == '\uFF0E') {
        sb.append('.');
      } else if (c == '\uFF0C') {
        sb.append(',');
      } else if (c == '\uFF0D' || c == '\u2212') {
        sb.append('-');
      } else if (c == '\uFF05') {
        sb.append('%');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
