package org.planreports.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Sits between the decoded text and the CSV parser: counts lines (CRLF, LF and a lone CR end one
 * line each), remembers the start of the lines the parser has not consumed yet (so a record's
 * character position gives its line without keeping the file), and bounds a record: a record longer
 * than {@link #MAX_RECORD} characters is cut there (a quote it leaves open is closed) and the rest
 * of it skipped, so a 1 MB line costs no more memory than a short one.
 */
final class RecordTracker extends Reader {

  /** The longest record (a line, or several when a quoted cell holds line breaks) read. */
  static final int MAX_RECORD = org.planreports.core.Limits.LINE;

  private static final int PREFIX = 121;

  /** A line the parser may still ask about. */
  private static final class Line {
    final long start;
    final long number;
    boolean blank = true;
    final StringBuilder prefix = new StringBuilder();

    Line(long start, long number) {
      this.start = start;
      this.number = number;
    }
  }

  /** A record that was cut: its length and whether a quote was still open. */
  record Cut(long length, boolean openQuote) {}

  private final Reader in;
  private final char[] buf = new char[8192];
  private int bufPos;
  private int bufLen;
  private final ArrayDeque<Line> lines = new ArrayDeque<>();
  private final Map<Long, Cut> cuts = new HashMap<>();
  private long emitted;
  private long line = 1;
  private boolean crPending;
  private boolean inQuotes;
  private long recordLength;
  private long recordLine = 1;
  private boolean cutting;
  private boolean cutInQuotes;
  private boolean cutCr;
  private final StringBuilder out = new StringBuilder();

  RecordTracker(Reader in) {
    this.in = in;
    lines.add(new Line(0, 1));
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    while (out.length() == 0) {
      if (bufPos == bufLen) {
        bufLen = in.read(buf, 0, buf.length);
        bufPos = 0;
        if (bufLen < 0) {
          bufLen = 0;
          if (cutting) {
            endCut();
            continue;
          }
          return -1;
        }
      }
      while (bufPos < bufLen && out.length() < len) {
        accept(buf[bufPos++]);
      }
    }
    int n = Math.min(len, out.length());
    out.getChars(0, n, cbuf, off);
    out.delete(0, n);
    return n;
  }

  private void accept(char c) {
    if (crPending) {
      crPending = false;
      if (c == '\n') {
        if (!cutting) {
          emit(c);
          newLine();
        }
        return;
      }
      if (!cutting) {
        newLine();
      }
    }
    boolean wasInQuotes = inQuotes;
    if (c == '"') {
      inQuotes = !inQuotes;
    }
    boolean lineEnd = c == '\n' || c == '\r';
    if (cutting) {
      if (c == '\n' && cutCr) {
        cutCr = false;
        recordLength++;
        return;
      }
      cutCr = c == '\r';
      if (lineEnd) {
        line++;
        if (!inQuotes) {
          endCut();
          emit(c);
          if (c == '\r') {
            crPending = true;
          } else {
            newLine();
          }
          recordLength = 0;
          recordLine = line;
          return;
        }
      }
      recordLength++;
      return;
    }
    if (lineEnd) {
      line++;
      emit(c);
      if (!inQuotes) {
        recordLength = 0;
        recordLine = line;
      }
      if (c == '\r') {
        crPending = true;
      } else {
        newLine();
      }
      return;
    }
    if (++recordLength > MAX_RECORD) {
      cutting = true;
      cutInQuotes = wasInQuotes;
      return;
    }
    emit(c);
    Line current = lines.peekLast();
    if (!Character.isWhitespace(c)) {
      current.blank = false;
    }
    if (current.prefix.length() < PREFIX) {
      current.prefix.append(c);
    }
  }

  private void endCut() {
    cuts.put(recordLine, new Cut(recordLength, inQuotes || cutInQuotes));
    if (cutInQuotes) {
      emit('"');
    }
    cutting = false;
    cutCr = false;
    if (inQuotes) {
      // The file ended inside the cut record: what the parser was given is closed.
      inQuotes = false;
    }
  }

  private void emit(char c) {
    out.append(c);
    emitted++;
  }

  private void newLine() {
    lines.add(new Line(emitted, line));
  }

  /**
   * The line of the first non-blank line at or after character {@code position} of the text the
   * parser was given; lines before it are forgotten.
   */
  long lineAt(long position) {
    while (lines.size() > 1) {
      Iterator<Line> it = lines.iterator();
      it.next();
      if (it.next().start <= position) {
        lines.removeFirst();
      } else {
        break;
      }
    }
    for (Line l : lines) {
      if (!l.blank) {
        return l.number;
      }
    }
    return lines.isEmpty() ? line : lines.peekLast().number;
  }

  /** The line where the record being read when the input ended began. */
  long openRecordLine() {
    return recordLine;
  }

  /** The start of a line the parser may still ask about, shortened for a report. */
  String text(long number) {
    for (Line l : lines) {
      if (l.number == number) {
        String t = l.prefix.toString();
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
      }
    }
    return "";
  }

  /** The cut of the record that starts at {@code line}, if it was cut (once). */
  Cut takeCut(long line) {
    return cuts.remove(line);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
