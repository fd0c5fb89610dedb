package org.planreports.publication;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planreports.report.PublicationContent;

/**
 * The digest of a publication's own figures: SHA-256 over the figures it prints (see {@link
 * PublicationContent#figures()}) and, for a corrected edition, its correction notice's figures
 * (which edition it corrects and every changed cell, old and new; not the reason). It decides
 * whether a publication changed: the input files' names and digests, which its provenance prints,
 * do not count, so correcting a figure another publication prints leaves this one unchanged.
 *
 * <p>A figure counts by its value, not by how it is written: every field that is a number (the
 * value, the text as written in the extract, a chart point, a changed cell of the notice) enters
 * the digest as its value without trailing zeros, so an extract re-saved by Excel (0.70 → 0.7,
 * 561.2 → 561.20) has the same figures. Digests recorded before this rule ({@link #LEGACY}, the
 * text as written) are still recognised by {@link #matches}; new editions are recorded with this
 * one.
 */
public final class FiguresDigest {

  /** Changes when what the digest covers changes, so that digests of two versions never meet. */
  static final String SCHEME = "plan-reports figures digest 2";

  /** The scheme of the editions published before figures were compared by value. */
  static final String LEGACY = "plan-reports figures digest 1";

  private FiguresDigest() {}

  /** The digest a new edition is recorded with: its figures by value. */
  public static String of(PublicationContent content, Optional<CorrectionNotice> notice) {
    return digest(SCHEME, content, notice, true);
  }

  /** The digest an earlier version recorded: the same figures, every number as written. */
  public static String legacy(PublicationContent content, Optional<CorrectionNotice> notice) {
    return digest(LEGACY, content, notice, false);
  }

  /**
   * Whether a recorded figures digest is this publication's: by value ({@link #of}), or, for an
   * edition recorded before figures were compared by value, as written ({@link #legacy}). The two
   * schemes hash different prefixes, so a digest of one never equals a digest of the other.
   */
  public static boolean matches(
      String recorded, PublicationContent content, Optional<CorrectionNotice> notice) {
    return recorded != null
        && (recorded.equals(of(content, notice)) || recorded.equals(legacy(content, notice)));
  }

  private static String digest(
      String scheme,
      PublicationContent content,
      Optional<CorrectionNotice> notice,
      boolean byValue) {
    MessageDigest sha = sha256();
    update(sha, scheme);
    for (String line : content.figures()) {
      update(sha, byValue ? byValue(line) : line);
    }
    if (notice.isPresent()) {
      CorrectionNotice n = notice.get();
      update(sha, "notice " + n.edition() + " " + n.corrects());
      for (CorrectionNotice.Change c : n.changes()) {
        update(
            sha,
            String.join(
                "\u0000",
                c.file(),
                c.table(),
                c.seq(),
                c.indicator(),
                c.column(),
                byValue ? number(c.oldValue()) : c.oldValue(),
                byValue ? number(c.newValue()) : c.newValue()));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * A decimal number as an extract or a table may write it (ASCII or full-width, signed), or as
   * BigDecimal.toString writes a small or large one (1.2E+3, with a bounded exponent).
   */
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?|[-+]?[0-9](\\.[0-9]+)?E[-+][0-9]{1,3}");

  /** The same with thousands separators, which the extracts accept in quotes. */
  private static final Pattern GROUPED = Pattern.compile("[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

  /** A chart's points as PrintedFigures writes them: year=value; … */
  private static final Pattern POINTS = Pattern.compile("([0-9]+=[^;=]*;)+");

  private static final Pattern POINT = Pattern.compile("([0-9]+)=([^;=]*);");

  /**
   * A line of figures (fields written as length:text, PrintedFigures) with every number field
   * written as its value: 0.70 and 0.7, 561.2 and 561.20, ８６２００ and 86,200 and 86200 are one value.
   * Text fields are left as they are. A line not in that form is hashed as it is.
   */
  static String byValue(String line) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      int colon = line.indexOf(':', i);
      if (colon <= i) {
        return line;
      }
      int length;
      try {
        length = Integer.parseInt(line.substring(i, colon));
      } catch (NumberFormatException e) {
        return line;
      }
      int end = colon + 1 + length;
      if (length < 0 || end >= line.length() || line.charAt(end) != ' ') {
        return line;
      }
      String field = field(line.substring(colon + 1, end));
      out.append(field.length()).append(':').append(field).append(' ');
      i = end + 1;
    }
    return out.toString();
  }

  private static String field(String text) {
    if (POINTS.matcher(text).matches()) {
      Matcher m = POINT.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        sb.append(m.group(1)).append('=').append(number(m.group(2))).append(';');
      }
      return sb.toString();
    }
    return number(text);
  }

  /** A number's value without trailing zeros; anything else unchanged. */
  static String number(String text) {
    String t = halfWidth(text.strip());
    if (GROUPED.matcher(t).matches()) {
      t = t.replace(",", "");
    }
    if (!NUMBER.matcher(t).matches()) {
      return text;
    }
    return new BigDecimal(t).stripTrailingZeros().toPlainString();
  }

  /** Full-width digits and signs (U+FF10 ０ … U+FF19 ９, and ．－＋，) as code points. */
  private static final int FULL_ZERO = 0xFF10;

  private static final int FULL_NINE = 0xFF19;
  private static final int FULL_STOP = 0xFF0E;
  private static final int FULL_MINUS = 0xFF0D;
  private static final int FULL_PLUS = 0xFF0B;
  private static final int FULL_COMMA = 0xFF0C;

  private static String halfWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= FULL_ZERO && c <= FULL_NINE) {
        c = (char) ('0' + (c - FULL_ZERO));
      } else if (c == FULL_STOP) {
        c = '.';
      } else if (c == FULL_MINUS || c == FULL_PLUS) {
        c = c == FULL_MINUS ? '-' : '+';
      } else if (c == FULL_COMMA) {
        c = ',';
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static void update(MessageDigest sha, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
    sha.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
