package org.planreports.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planreports.core.Messages;

/**
 * A number as a plan prints it in a table cell: “5075家”, “2.1%”, “约3.5亿元”, “-0.37”. An
 * approximation word before it (约, 近, 接近) or after it (左右) is the plan's own rounding and the
 * number stands; a unit after it must be the indicator's (万元 is converted exactly to 亿元, as in the
 * extracts). A bound (以上, 超过, 余…) or a range is not a number the method can take as a baseline.
 * Plain decimals only: no exponent, at most 18 digits before and 6 after the point.
 */
public final class PrintedNumber {

  private static final Messages WORDS = Messages.bundle("plan-check");

  /** What a printed cell reads as: a value, or the reason it cannot be read. */
  public record Reading(BigDecimal value, Problem problem) {}

  /** Why a printed cell is not a number of the indicator's unit. */
  public enum Problem {
    NOT_A_NUMBER,
    WRONG_UNIT
  }

  /*
   * The words of a printed number are those of messages/plan-check.properties (plan.printed.*),
   * matched as written: several words of a key are separated by blanks.
   */

  private static final Pattern PRINTED =
      Pattern.compile(
          "(?:"
              + anyOf("plan.printed.about")
              + ")?\\s*([-−+]?)(\\d{1,18}(?:\\.\\d{1,6})?)\\s*([^\\d\\s.]{0,8}?)\\s*(?:"
              + anyOf("plan.printed.around")
              + ")?");

  /** The marks that stand for "not printed" in a plan's table. */
  private static final List<String> DASHES = words("plan.printed.dashes");

  /** Words that make a printed number a bound rather than the plan's figure. */
  private static final Pattern BOUND = Pattern.compile(anyOf("plan.printed.bounds"));

  private static final char PERCENT = WORDS.format("plan.printed.percent").charAt(0);

  private static final String POINTS_LONG = WORDS.format("plan.printed.points.long");

  private static final String POINTS = WORDS.format("plan.printed.points");

  private static final String WAN_YUAN = WORDS.format("plan.unit.wan");

  private static final String YI_YUAN = WORDS.format("plan.unit.yi");

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private PrintedNumber() {}

  private static List<String> words(String key) {
    return List.of(WORDS.format(key).split(" "));
  }

  /** A pattern that matches any one of the words of {@code key}. */
  static String anyOf(String key) {
    return String.join("|", words(key).stream().map(Pattern::quote).toList());
  }

  /** Whether the cell prints no number: blank or a dash. */
  public static boolean isBlank(String printed) {
    return printed == null || printed.isBlank() || DASHES.contains(printed.strip());
  }

  /**
   * Reads {@code printed} in {@code unit} (the indicator's; empty or "—" for none). Null for a
   * blank or dashed cell.
   */
  public static Reading read(String printed, String unit) {
    if (isBlank(printed)) {
      return null;
    }
    Matcher m = PRINTED.matcher(printed.strip().replace(PERCENT, '%'));
    if (!m.matches()) {
      return new Reading(null, Problem.NOT_A_NUMBER);
    }
    BigDecimal v = new BigDecimal(m.group(2));
    if (m.group(1).equals("-") || m.group(1).equals("−")) {
      v = v.negate();
    }
    String written = m.group(3).replace(POINTS_LONG, POINTS);
    if (BOUND.matcher(written).find()) {
      return new Reading(null, Problem.NOT_A_NUMBER);
    }
    String own = unit == null || unit.equals("—") ? "" : unit.strip();
    if (written.isEmpty() || written.equals(own)) {
      return new Reading(v, null);
    }
    if (written.equals(WAN_YUAN) && own.equals(YI_YUAN)) {
      return new Reading(v.divide(TEN_THOUSAND).stripTrailingZeros(), null);
    }
    return new Reading(null, Problem.WRONG_UNIT);
  }
}
