package org.planreports.plan;

import java.util.List;
import org.planreports.core.Limits;
import org.planreports.core.Messages;
import org.planreports.core.Severity;

/**
 * One mistake in a plan bundle: the file, line (0: the whole file) and column or key where it is,
 * the text found there and what was expected, in the same terms as an extract's findings. A mistake
 * between two places (a catalogue row and the indicator it names) also lists the other places in
 * {@code also}. Text and expectation are cut to a length a terminal line can hold.
 */
public record PlanProblem(
    String file, long line, String column, String text, String expected, List<Place> also) {

  /** The most characters of the text found that a problem repeats. */
  static final int MAX_TEXT = 80;

  /** The most characters of what was expected. */
  static final int MAX_EXPECTED = 400;

  /** Another place a mistake involves: file, line (0: none) and column or key. */
  public record Place(String file, long line, String column) {
    public Place {
      column = column == null ? "" : column;
    }

    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + (column.isEmpty() ? "" : " [" + column + "]");
    }
  }

  public PlanProblem {
    column = cut(column == null ? "" : column, MAX_TEXT);
    text = cut(text == null ? "" : text, MAX_TEXT);
    expected = cut(expected == null ? "" : expected, MAX_EXPECTED);
    also = also == null ? List.of() : List.copyOf(also);
  }

  public PlanProblem(String file, long line, String column, String text, String expected) {
    this(file, line, column, text, expected, List.of());
  }

  private static String cut(String s, int max) {
    int n = s.codePointCount(0, s.length());
    if (n <= max) {
      return s;
    }
    return Limits.shortened(s.substring(0, s.offsetByCodePoints(0, max)), n);
  }

  /** One line for the terminal: {@code 错误 catalogue.csv:12 [kind] “FOO”（应为：…）}. */
  public String oneLine() {
    Messages words = Messages.bundle("plan-check");
    StringBuilder sb = new StringBuilder(Severity.ERROR.label()).append(' ').append(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (!column.isEmpty()) {
      sb.append(" [").append(column).append(']');
    }
    sb.append(
        text.isEmpty()
            ? words.format("plan.problem.empty")
            : words.get("plan.problem.text", "text", text));
    if (!expected.isEmpty()) {
      sb.append(Messages.bundle("input").get("input.finding.expected", "expected", expected));
    }
    if (!also.isEmpty()) {
      sb.append(
          words.get(
              "plan.problem.also",
              "places",
              String.join(
                  words.format("plan.separator"), also.stream().map(Place::toString).toList())));
    }
    return sb.toString();
  }
}
