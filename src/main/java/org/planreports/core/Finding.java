package org.planreports.core;

import java.util.Objects;

/**
 * One problem found in the input: where it is (file, line, column), the offending text, what is
 * wrong and what was expected. Line 0 means the whole file.
 */
public record Finding(
    Severity severity,
    String code,
    String file,
    long line,
    String column,
    String text,
    String message,
    String expected)
    implements java.io.Serializable {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    // Whatever the input held, a finding fits the report and the state database's columns.
    column = column == null ? "" : column.length() > 100 ? column.substring(0, 99) + "…" : column;
    text = text == null ? "" : Limits.shorten(text, Limits.FINDING_TEXT);
    message = Limits.shorten(message, 1000);
    expected = expected == null ? "" : Limits.shorten(expected, 1000);
  }

  public static Finding error(
      String code,
      String file,
      long line,
      String column,
      String text,
      String message,
      String expected) {
    return new Finding(Severity.ERROR, code, file, line, column, text, message, expected);
  }

  public static Finding warning(
      String code,
      String file,
      long line,
      String column,
      String text,
      String message,
      String expected) {
    return new Finding(Severity.WARNING, code, file, line, column, text, message, expected);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line for the terminal: {@code file:line [column] message: 'text' (expected …)}. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity.label()).append(' ').append(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (!column.isEmpty()) {
      sb.append(" [").append(column).append(']');
    }
    sb.append(' ').append(message);
    Messages words = Messages.bundle("input");
    if (!text.isEmpty()) {
      sb.append(words.get("input.finding.text", "text", text));
    }
    if (!expected.isEmpty()) {
      sb.append(words.get("input.finding.expected", "expected", expected));
    }
    return sb.toString();
  }
}
