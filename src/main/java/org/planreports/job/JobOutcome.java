package org.planreports.job;

import java.util.Arrays;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

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
    FAILED,
    /** {@code publish}: the review copy is out of date; nothing was published. */
    STALE
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

  private static final String PREFIX = "outcome.";

  /**
   * Keeps this outcome in a step's execution context: a city-wide run's partition leaves its
   * district's outcome there, where the command reads it when the city job has ended.
   */
  void putInto(ExecutionContext ctx) {
    ctx.putString(PREFIX + "kind", kind.name());
    if (message != null) {
      ctx.putString(PREFIX + "message", message);
    }
    if (validationSummary != null) {
      ctx.putString(PREFIX + "validation.summary", validationSummary);
    }
    ctx.putLong(PREFIX + "validation.errors", validationErrors);
    ctx.putString(PREFIX + "validation.lines", validationLines);
    ctx.putString(PREFIX + "validation.report", validationReport);
    ctx.putString(PREFIX + "published", String.join("\n", published));
    ctx.putString(PREFIX + "unchanged", String.join("\n", unchanged));
    ctx.putString(PREFIX + "refused", String.join("\n", refused));
    ctx.putString(PREFIX + "editions", String.join("\n", editions));
    ctx.putString(PREFIX + "corrections", String.join("\n", corrections));
  }

  /** The outcome {@link #putInto} kept, or empty when the context holds none. */
  static java.util.Optional<JobOutcome> from(ExecutionContext ctx) {
    if (!ctx.containsKey(PREFIX + "kind")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new JobOutcome(
            Kind.valueOf(ctx.getString(PREFIX + "kind")),
            ctx.containsKey(PREFIX + "message") ? ctx.getString(PREFIX + "message") : null,
            ctx.containsKey(PREFIX + "validation.summary")
                ? ctx.getString(PREFIX + "validation.summary")
                : null,
            ctx.getLong(PREFIX + "validation.errors"),
            ctx.getString(PREFIX + "validation.lines"),
            ctx.getString(PREFIX + "validation.report"),
            lines(ctx.getString(PREFIX + "published")),
            lines(ctx.getString(PREFIX + "unchanged")),
            lines(ctx.getString(PREFIX + "refused")),
            lines(ctx.getString(PREFIX + "editions")),
            lines(ctx.getString(PREFIX + "corrections"))));
  }

  public static List<String> lines(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split("\n"));
  }
}
