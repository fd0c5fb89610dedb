package org.planreports.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.planreports.core.Messages;

/**
 * Tells how an extract is encoded without help from the operator: UTF-8 with a BOM ("CSV UTF-8"
 * from Excel/WPS), UTF-8 without one, or GB18030/GBK (“CSV (逗号分隔)” on Chinese Windows). Strict
 * decoding decides: valid UTF-8 is UTF-8, else valid GB18030 is GB18030, else the file is neither.
 */
public final class EncodingDetector {

  private static final Messages WORDS = Messages.bundle("input");

  public static final Charset GB18030 = Charset.forName("GB18030");

  /** The decoded text and the encoding it was read in. */
  public record Decoded(String text, Charset charset, boolean bom) {}

  private EncodingDetector() {}

  public static Optional<Decoded> decode(byte[] bytes, Charset override) {
    boolean bom = hasBom(bytes);
    int offset = bom ? 3 : 0;
    if (override != null) {
      return strict(bytes, offset, override).map(t -> new Decoded(t, override, bom));
    }
    Optional<String> utf8 = strict(bytes, offset, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return Optional.of(new Decoded(utf8.get(), StandardCharsets.UTF_8, bom));
    }
    if (bom) {
      return Optional.empty();
    }
    return strict(bytes, 0, GB18030).map(t -> new Decoded(t, GB18030, false));
  }

  private static Optional<String> strict(byte[] bytes, int offset, Charset cs) {
    try {
      String text =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Where strict decoding in {@code cs} first fails: the byte offset (counted from the file's first
   * byte), or -1 when the whole file decodes.
   */
  public static int firstMalformed(byte[] bytes, Charset cs) {
    int offset = hasBom(bytes) && cs.equals(StandardCharsets.UTF_8) ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 16);
    java.nio.charset.CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.charset.CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      return in.position();
    }
    r = decoder.flush(out);
    return r.isError() ? in.position() : -1;
  }

  public static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /**
   * True when the bytes hold control characters no spreadsheet writes into a CSV (NUL and other C0
   * controls but tab, CR and LF). Checked on the bytes, before decoding: in UTF-8 and GB18030 alike
   * such bytes only ever stand for themselves, so a file holding them is binary.
   */
  public static boolean looksBinary(byte[] bytes) {
    for (byte b : bytes) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the text holds control characters no spreadsheet writes into a CSV (NUL and other C0
   * controls but tab, CR and LF): the file is binary, whatever it decodes as.
   */
  public static boolean looksBinary(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * The name of a UTF-16 or UTF-32 encoding the bytes are in (with or without a byte order mark),
   * or empty: such files hold NUL bytes and would otherwise pass for binary. Without a mark the
   * pattern of zero bytes tells: ASCII text in UTF-16LE has every second byte zero, and so on.
   */
  public static Optional<String> wideUnicode(byte[] b) {
    int n = b.length;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      return wide("UTF-32BE", true);
    }
    if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
      return wide("UTF-32LE", true);
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return wide("UTF-16BE", true);
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return wide("UTF-16LE", true);
    }
    int len = Math.min(n, 4096) / 4 * 4;
    if (len < 4) {
      return Optional.empty();
    }
    int[] zeros = new int[4];
    for (int i = 0; i < len; i++) {
      if (b[i] == 0) {
        zeros[i % 4]++;
      }
    }
    double q = len / 4.0;
    if (zeros[1] > 0.9 * q && zeros[2] > 0.9 * q && zeros[3] > 0.9 * q && zeros[0] < 0.1 * q) {
      return wide("UTF-32LE", false);
    }
    if (zeros[0] > 0.9 * q && zeros[1] > 0.9 * q && zeros[2] > 0.9 * q && zeros[3] < 0.1 * q) {
      return wide("UTF-32BE", false);
    }
    double pairs = len / 2.0;
    int even = zeros[0] + zeros[2];
    int odd = zeros[1] + zeros[3];
    if (odd > 0.3 * pairs && even < 0.05 * pairs) {
      return wide("UTF-16LE", false);
    }
    if (even > 0.3 * pairs && odd < 0.05 * pairs) {
      return wide("UTF-16BE", false);
    }
    return Optional.empty();
  }

  private static Optional<String> wide(String encoding, boolean bom) {
    return Optional.of(
        WORDS.get(bom ? "input.encoding.bom" : "input.encoding.nobom", "encoding", encoding));
  }
}
