package org.planreports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are written in the publications and companion CSVs: HALF_UP, no thousands commas. */
public final class Fmt {

  private Fmt() {}

  public static String num(BigDecimal v, int decimals) {
    return v == null ? "" : v.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  public static String plain(BigDecimal v) {
    return v == null ? "" : v.stripTrailingZeros().toPlainString();
  }

  /** A percentage with one decimal, as the companion CSV and the tables print it. */
  public static String pct1(BigDecimal v) {
    return num(v, 1);
  }

  public static String ratio2(BigDecimal v) {
    return num(v, 2);
  }

  /** 表1's change column: ↑Δ / ↓Δ at the row's decimals. */
  public static String change(BigDecimal delta, int decimals) {
    BigDecimal d = delta.setScale(decimals, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return d.toPlainString();
    }
    return (d.signum() > 0 ? "↑" : "↓") + d.abs().toPlainString();
  }

  /**
   * Splits a printed number at its decimal point so a table can align a column on it: "1.74" →
   * ["1", ".74"], ">500" → [">500", ""], "—" → ["—", ""].
   */
  public static String[] splitDecimal(String printed) {
    if (printed == null) {
      return new String[] {"", ""};
    }
    int dot = printed.lastIndexOf('.');
    if (dot > 0
        && dot < printed.length() - 1
        && Character.isDigit(printed.charAt(dot + 1))
        && Character.isDigit(printed.charAt(dot - 1))) {
      return new String[] {printed.substring(0, dot), printed.substring(dot)};
    }
    return new String[] {printed, ""};
  }
}
