package org.planreports.report;

/** Loading, filling or exporting a report failed. */
public class ReportRenderingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
