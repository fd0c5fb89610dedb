package org.planreports.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.planreports.core.CompanionCsv;
import org.planreports.core.CompanionCsv.Cell;
import org.planreports.core.Finding;
import org.planreports.core.Messages;

/**
 * The validation report: every finding of a run, as a CSV an operator opens in Excel and as a
 * readable Chinese text, plus a short summary for the terminal.
 */
public final class ValidationReport {

  private static final Messages WORDS = Messages.bundle("input");

  public static final String CSV = "validation-report.csv";
  public static final String TEXT = "validation-report.txt";

  private final List<Finding> findings;

  public ValidationReport(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  public long errors() {
    return findings.stream().filter(Finding::isError).count();
  }

  public long warnings() {
    return findings.size() - errors();
  }

  public byte[] csv() {
    List<List<Cell>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(
          List.of(
              Cell.text(f.severity().label()),
              Cell.text(f.code()),
              Cell.text(f.file()),
              Cell.number(f.line() == 0 ? "" : String.valueOf(f.line())),
              Cell.text(f.column()),
              Cell.text(f.text()),
              Cell.text(f.message()),
              Cell.text(f.expected())));
    }
    return CompanionCsv.write(
        List.of("severity", "code", "file", "line", "column", "text", "message", "expected"), rows);
  }

  public byte[] text() {
    StringBuilder sb = new StringBuilder();
    sb.append(WORDS.format("input.report.title")).append("\n\n");
    sb.append(summary()).append("\n\n");
    int i = 1;
    for (Finding f : findings) {
      sb.append(i++).append(". ").append(f.oneLine()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public String summary() {
    if (findings.isEmpty()) {
      return WORDS.format("input.report.clean");
    }
    return WORDS.get(
        errors() > 0 ? "input.report.failed" : "input.report.passed",
        "errors",
        errors(),
        "warnings",
        warnings());
  }
}
