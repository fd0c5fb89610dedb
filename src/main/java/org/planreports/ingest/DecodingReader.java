package org.planreports.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.planreports.core.Finding;
import org.planreports.core.Messages;

/**
 * Decodes an extract as it streams by, deciding its encoding without reading it whole: ASCII bytes
 * read the same in UTF-8 and GB18030, so the decision waits for the first byte that is not ASCII
 * and is then taken on a window of {@value #WINDOW} bytes from there (strictly valid UTF-8 is
 * UTF-8, else valid GB18030 is GB18030, else neither). A byte that does not decode, or a control
 * character no spreadsheet writes, ends the file with an {@link UnreadableInput}.
 */
final class DecodingReader extends Reader {

  private static final Messages WORDS = Messages.bundle("input");

  static final int WINDOW = 64 * 1024;

  private final String file;
  private final InputStream in;
  private final Charset override;
  private final boolean checkControls;
  private final ByteBuffer bytes = ByteBuffer.allocate(WINDOW);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private CharsetDecoder decoder;
  private Charset charset;
  private boolean eof;
  private boolean done;
  private long bufferStart; // file offset of bytes[0]
  private long newlines;
  private UnreadableInput pending;

  /**
   * @param fixed the encoding when it is known (a BOM, the operator's --encoding), else null
   * @param offset file offset of the first byte {@code in} gives (3 after a UTF-8 BOM)
   */
  DecodingReader(String file, InputStream in, Charset fixed, Charset override, long offset) {
    this.file = file;
    this.in = in;
    this.override = override;
    this.bufferStart = offset;
    String name = fixed == null ? "" : fixed.name();
    this.checkControls = !(name.startsWith("UTF-16") || name.startsWith("UTF-32"));
    if (fixed != null) {
      use(fixed);
    }
    bytes.flip();
    chars.flip();
  }

  /** The encoding the file is read in; null while it has held only ASCII. */
  Charset charset() {
    return charset;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    while (!chars.hasRemaining()) {
      if (pending != null) {
        UnreadableInput e = pending;
        pending = null;
        done = true;
        throw e;
      }
      if (done) {
        return -1;
      }
      chars.clear();
      decodeSome();
      chars.flip();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  private void decodeSome() throws IOException {
    if (!bytes.hasRemaining() && !eof) {
      fill();
    }
    if (decoder == null) {
      while (bytes.hasRemaining() && chars.hasRemaining()) {
        byte b = bytes.get(bytes.position());
        if (b < 0) {
          break;
        }
        control(b, bytes.position());
        if (b == '\n') {
          newlines++;
        }
        chars.put((char) b);
        bytes.position(bytes.position() + 1);
      }
      if (bytes.hasRemaining() && bytes.get(bytes.position()) < 0 && chars.position() == 0) {
        decide();
      } else if (!bytes.hasRemaining() && eof) {
        done = true;
      }
      return;
    }
    int from = bytes.position();
    CoderResult r = decoder.decode(bytes, chars, eof);
    for (int i = from; i < bytes.position(); i++) {
      byte b = bytes.get(i);
      control(b, i);
      if (b == '\n') {
        newlines++;
      }
    }
    if (r.isError()) {
      UnreadableInput e = undecodable(bytes.position(), charset);
      if (chars.position() > 0) {
        pending = e;
        return;
      }
      done = true;
      throw e;
    }
    if (r.isUnderflow()) {
      if (eof) {
        decoder.flush(chars);
        done = true;
      } else {
        fill();
      }
    }
  }

  private void control(byte b, int index) throws UnreadableInput {
    if (checkControls && b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
      done = true;
      throw new UnreadableInput(
          Finding.error(
              "E_BINARY",
              file,
              0,
              "",
              String.format("%02X", b),
              WORDS.get("input.binary.line", "line", newlines + 1),
              WORDS.format("input.binary.expected")));
    }
  }

  /** Takes the encoding on the window starting at the first byte that is not ASCII. */
  private void decide() throws IOException {
    fill();
    byte[] window = new byte[bytes.remaining()];
    bytes.duplicate().get(window);
    if (valid(window, StandardCharsets.UTF_8)) {
      use(StandardCharsets.UTF_8);
    } else if (valid(window, EncodingDetector.GB18030)) {
      use(EncodingDetector.GB18030);
    } else {
      int utf8 = EncodingDetector.firstMalformed(window, StandardCharsets.UTF_8);
      int gb = EncodingDetector.firstMalformed(window, EncodingDetector.GB18030);
      Charset likely =
          utf8 < 0 || (gb >= 0 && utf8 >= gb) ? StandardCharsets.UTF_8 : EncodingDetector.GB18030;
      int at = Math.max(0, likely.equals(StandardCharsets.UTF_8) ? utf8 : gb);
      for (int i = 0; i < at; i++) {
        if (window[i] == '\n') {
          newlines++;
        }
      }
      done = true;
      throw undecodable(bytes.position() + at, likely);
    }
  }

  private boolean valid(byte[] window, Charset cs) {
    CharsetDecoder d =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(window.length + 16);
    CoderResult r = d.decode(ByteBuffer.wrap(window), out, eof);
    return !r.isError() && (!eof || !d.flush(out).isError());
  }

  private void use(Charset cs) {
    charset = cs;
    decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Moves what is left to the front of the buffer and reads on until it is full or at the end. */
  private void fill() throws IOException {
    bufferStart += bytes.position();
    bytes.compact();
    while (bytes.hasRemaining() && !eof) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    }
    bytes.flip();
  }

  private UnreadableInput undecodable(int index, Charset likely) {
    StringBuilder hex = new StringBuilder();
    for (int i = index; i < Math.min(bytes.limit(), index + 4); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes.get(i) & 0xFF));
    }
    long line = newlines + 1;
    String expected =
        override == null
            ? WORDS.format("input.encoding.expected")
            : WORDS.get("input.encoding.expected.given", "encoding", override.name());
    String message =
        override == null
            ? WORDS.get("input.encoding.unknown", "line", line, "likely", likely.name())
            : WORDS.get(
                "input.encoding.undecodable",
                "encoding",
                override.name(),
                "line",
                line,
                "likely",
                likely.name());
    return new UnreadableInput(
        Finding.error("E_ENCODING", file, line, "", hex.toString(), message, expected));
  }

  /** The byte offset in the file of the next byte to decode (for tests). */
  long position() {
    return bufferStart + bytes.position();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
