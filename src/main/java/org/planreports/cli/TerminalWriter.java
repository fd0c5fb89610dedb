package org.planreports.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What every line the commands print passes through on its way to the terminal: text from plan
 * bundles and extracts may hold control characters (ESC sequences that rewrite the screen or the
 * title, BEL, a CR that overwrites the line, bidi overrides that reverse what is read), which are
 * printed as {@code \x1B} or {@code \u202E} instead. Line ends and tabs pass.
 */
final class TerminalWriter extends FilterWriter {

  private boolean pendingCr;

  TerminalWriter(Writer out) {
    super(out);
  }

  /** {@code text} as this writer prints it. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        sb.append(c);
      } else {
        append(sb, c);
      }
    }
    return sb.toString();
  }

  static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\ufeff';
  }

  private static void append(StringBuilder sb, char c) {
    if (!unsafe(c)) {
      sb.append(c);
    } else if (c <= 0xff) {
      sb.append(String.format("\\x%02X", (int) c));
    } else {
      sb.append(String.format("\\u%04X", (int) c));
    }
  }

  @Override
  public void write(int c) throws IOException {
    char ch = (char) c;
    if (pendingCr) {
      pendingCr = false;
      if (ch == '\n') {
        out.write("\r\n");
        return;
      }
      out.write("\\x0D");
    }
    if (ch == '\r') {
      pendingCr = true;
      return;
    }
    if (unsafe(ch)) {
      StringBuilder sb = new StringBuilder();
      append(sb, ch);
      out.write(sb.toString());
    } else {
      out.write(ch);
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(cbuf[i]);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(str.charAt(i));
    }
  }

  @Override
  public void flush() throws IOException {
    if (pendingCr) {
      pendingCr = false;
      out.write("\\x0D");
    }
    super.flush();
  }
}
