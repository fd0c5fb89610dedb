package org.planreports.job;

import java.util.List;

/** How a job ended, in the terms the command line reports. */
public record JobOutcome(
    Kind kind,
    String message,
    String validationSummary,
    long validationErrors,
    String validationLines,
    String validationReport,
    List<String> published,
    List<String> unchanged,
    List<String> refused,
    List<String> editions,
    List<String> corrections) {

  /** The outcomes the exit codes distinguish. */
  public enum Kind {
    COMPLETED,
    ALREADY_DONE,
    INVALID,
    REFUSED,
    NOTHING_TO_PUBLISH,
    FAILED
  }

  public JobOutcome {
    published = List.copyOf(published);
    unchanged = List.copyOf(unchanged);
    refused = List.copyOf(refused);
    editions = List.copyOf(editions);
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
  }

  /** An outcome decided before any step ran: nothing validated, published or refused. */
  static JobOutcome before(Kind kind, String message, List<String> editions) {
    return new JobOutcome(
        kind, message, null, 0, "", "", List.of(), List.of(), List.of(), editions, List.of());
  }
}
