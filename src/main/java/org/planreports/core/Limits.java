package org.planreports.core;

/**
 * How long a cell, a column name and a line of an extract may be (README “数据长度上限”). Checked before
 * anything reaches the state database, whose staging columns are made to fit them.
 */
public final class Limits {

  /** Characters of one line (or record, when a quoted cell holds line breaks). */
  public static final int LINE = 10_000;

  /**
   * Characters of a column name: a longer one is no column of the contract, only an unknown column
   * (a warning), whose name the report shortens.
   */
  public static final int HEADER = 100;

  /** Characters of the offending text a finding keeps (the report shows the start). */
  public static final int FINDING_TEXT = 200;

  private Limits() {}

  /** {@code text} cut to {@code max} characters, with an ellipsis and the full length. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return shortened(text.substring(0, max), text.length());
  }

  /** The start of a text cut short, with an ellipsis and the full length. */
  public static String shortened(String start, long length) {
    return Messages.bundle("input").get("input.shortened", "start", start, "length", length);
  }
}
