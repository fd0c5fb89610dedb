package org.planreports.plan;

/**
 * One mistake in a plan bundle: the file, line (0: the whole file) and column or key where it is,
 * the text found there and what was expected, in the same terms as an extract's findings.
 */
public record PlanProblem(String file, long line, String column, String text, String expected) {

  public PlanProblem {
    column = column == null ? "" : column;
    text = text == null ? "" : text;
    expected = expected == null ? "" : expected;
  }

  /** One line for the terminal: {@code 错误 catalogue.csv:12 [kind] “FOO”（应为：…）}. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder("错误 ").append(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (!column.isEmpty()) {
      sb.append(" [").append(column).append(']');
    }
    sb.append(text.isEmpty() ? " 缺少或为空" : " “" + text + "”");
    if (!expected.isEmpty()) {
      sb.append("（应为：").append(expected).append('）');
    }
    return sb.toString();
  }
}
