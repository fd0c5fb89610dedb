package org.planreports.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.planreports.core.Messages;
import org.planreports.job.JobOutcome;

/**
 * How a city-wide run ended: each district's lines as a single-district run prints them, under the
 * district's name, then one line per district and the totals. The exit code is the most serious of
 * the districts' own: 1 (a failure) before 4 (a district locked) before 3 (input rejected) before 5
 * (refused) before 7 (nothing to publish) before 0.
 */
final class Districts {

  private static final Messages WORDS = Messages.bundle("operator");

  private Districts() {}

  /** Exit codes from the most serious down. */
  private static final List<Integer> SERIOUSNESS =
      List.of(
          ExitCodes.FAILURE,
          ExitCodes.LOCKED,
          ExitCodes.INVALID_INPUT,
          ExitCodes.STALE_REVIEW,
          ExitCodes.ALREADY_PUBLISHED,
          ExitCodes.NOTHING_TO_PUBLISH,
          ExitCodes.OK);

  /** The more serious of two exit codes (a code not ranked counts as a failure). */
  static int worse(int a, int b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(int exit) {
    int i = SERIOUSNESS.indexOf(exit);
    return i < 0 ? -1 : i;
  }

  static int report(
      List<PlannedDistrict> districts,
      Map<String, JobOutcome> outcomes,
      OutcomeReport report,
      PrintWriter out,
      PrintWriter err) {
    int worst = ExitCodes.OK;
    Map<JobOutcome.Kind, Integer> counts = new EnumMap<>(JobOutcome.Kind.class);
    StringBuilder table = new StringBuilder();
    for (PlannedDistrict d : districts) {
      JobOutcome o = outcomes.get(d.region());
      String name = d.name();
      out.println(WORDS.get("cli.districts.heading", "name", name));
      err.flush();
      int exit = report.report(o, d, true);
      err.flush();
      out.flush();
      worst = worse(worst, exit);
      counts.merge(o.kind(), 1, Integer::sum);
      table
          .append("  ")
          .append(WORDS.get("cli.districts.line", "name", name, "outcome", word(o, d)))
          .append('\n');
    }
    out.println(WORDS.get("cli.districts.results", "count", districts.size()));
    out.print(table);
    List<String> totals = new java.util.ArrayList<>();
    for (JobOutcome.Kind kind : JobOutcome.Kind.values()) {
      if (counts.containsKey(kind)) {
        totals.add(
            WORDS.get("cli.districts.total", "outcome", word(kind), "count", counts.get(kind)));
      }
    }
    out.println(
        WORDS.get(
            "cli.districts.totals",
            "totals",
            String.join(WORDS.get("cli.districts.totals.separator"), totals),
            "exit",
            worst));
    return worst;
  }

  /** A kind of outcome in a word or two, for the totals. */
  private static String word(JobOutcome.Kind kind) {
    return WORDS.get(
        switch (kind) {
          case COMPLETED -> "cli.districts.kind.completed";
          case ALREADY_DONE -> "cli.districts.kind.alreadyDone";
          case INVALID -> "cli.districts.kind.invalid";
          case REFUSED -> "cli.districts.kind.refused";
          case NOTHING_TO_PUBLISH -> "cli.districts.kind.nothingToPublish";
          case FAILED -> "cli.districts.kind.failed";
          case STALE -> "cli.districts.kind.stale";
        });
  }

  /** A district's outcome in a few words. */
  static String word(JobOutcome o, PlannedDistrict d) {
    return switch (o.kind()) {
      case COMPLETED ->
          d.request().validateOnly()
              ? WORDS.get("cli.districts.validated")
              : d.request().mode().reviews()
                  ? WORDS.get("cli.districts.reviewed", "count", o.published().size())
                  : o.published().isEmpty()
                      ? WORDS.get("cli.districts.unchanged")
                      : o.unchanged().isEmpty()
                          ? WORDS.get("cli.districts.published", "published", o.published().size())
                          : WORDS.get(
                              "cli.districts.publishedSomeUnchanged",
                              "published",
                              o.published().size(),
                              "unchanged",
                              o.unchanged().size());
      case ALREADY_DONE -> WORDS.get("cli.districts.alreadyDone");
      case INVALID ->
          WORDS.get(
              "cli.districts.invalid",
              "errors",
              o.validationErrors(),
              "report",
              String.valueOf(o.validationReport()));
      case REFUSED -> WORDS.get("cli.districts.refused", "refused", o.refused().size());
      case NOTHING_TO_PUBLISH, STALE -> word(o.kind());
      case FAILED -> WORDS.get("cli.districts.failed", "message", String.valueOf(o.message()));
    };
  }
}
