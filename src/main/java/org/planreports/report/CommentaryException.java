package org.planreports.report;

import java.util.List;
import org.planreports.core.Finding;

/**
 * The office's commentary of a publication cannot be printed as written (a reference to a figure
 * the publication does not print, an unknown indicator): its findings, each with file and line.
 */
public class CommentaryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  public CommentaryException(List<Finding> findings) {
    super(String.join("\n", findings.stream().map(Finding::oneLine).toList()));
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
