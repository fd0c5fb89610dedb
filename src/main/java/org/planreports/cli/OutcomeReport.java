package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.planreports.core.Messages;
import org.planreports.job.Failures;
import org.planreports.job.JobOutcome;

/** Turns how a run ended into the lines the operator reads and the command's exit code. */
final class OutcomeReport {

  private static final Messages WORDS = Messages.bundle("run");

  private final CommonOptions common;
  private final PrintWriter out;
  private final PrintWriter err;

  OutcomeReport(CommonOptions common, PrintWriter out, PrintWriter err) {
    this.common = common;
    this.out = out;
    this.err = err;
  }

  /** Prints how one district's run ended and returns its exit code. */
  int report(JobOutcome o, PlannedDistrict district, boolean city) {
    if (o.validationSummary() != null) {
      (o.validationErrors() > 0 ? err : out).println(o.validationSummary());
      // A city-wide run lists each district's warnings in its report only: its other districts'
      // rows would fill the terminal with one warning per file and district.
      if (!o.validationLines().isBlank() && (!city || o.validationErrors() > 0)) {
        (o.validationErrors() > 0 ? err : out).println(o.validationLines());
      }
      out.println(WORDS.get("run.validation.report", "report", o.validationReport()));
    }
    switch (o.kind()) {
      case ALREADY_DONE -> {
        out.println(WORDS.get("run.done.before"));
        o.editions().forEach(e -> out.println("  " + e));
        return ExitCodes.OK;
      }
      case INVALID -> {
        err.println(WORDS.get("run.invalid"));
        return ExitCodes.INVALID_INPUT;
      }
      case REFUSED -> {
        err.println(WORDS.get("run.refused"));
        o.refused().forEach(r -> err.println("  " + r));
        err.println(WORDS.get("run.refused.rerun"));
        o.refused().forEach(r -> err.println("  " + rerunCommand(district.bundle(), Path.of(r))));
        if (!o.unchanged().isEmpty()) {
          out.println(WORDS.get("run.refused.unchanged"));
          o.unchanged().forEach(p -> out.println("  " + p));
        }
        return ExitCodes.ALREADY_PUBLISHED;
      }
      case NOTHING_TO_PUBLISH -> {
        err.println(o.message());
        return ExitCodes.NOTHING_TO_PUBLISH;
      }
      case FAILED -> {
        failed(o.message());
        return ExitCodes.FAILURE;
      }
      default -> {
        if (district.request().validateOnly()) {
          return ExitCodes.OK;
        }
        if (o.published().isEmpty()) {
          out.println(WORDS.get("run.same"));
        } else {
          out.println(WORDS.get("run.published"));
          o.published().forEach(p -> out.println("  " + p));
          o.corrections().forEach(out::println);
        }
        if (!o.unchanged().isEmpty()) {
          out.println(WORDS.get("run.unchanged"));
          o.unchanged().forEach(p -> out.println("  " + p));
        }
        return ExitCodes.OK;
      }
    }
  }

  /** A run that failed: why, where the log is, and that the same command resumes it. */
  void failed(String why) {
    err.println(WORDS.get("run.failed", "cause", String.valueOf(why)));
    err.println(WORDS.get("run.failed.resume", "log", Failures.logFile(common.state)));
  }

  /** The output folder could not be used for a reason of the file system. */
  void outputFailure(IOException e) {
    err.println(
        WORDS.get("run.output.failed", "cause", Failures.describe(e), "output", common.output));
    err.println(WORDS.get("run.output.failed.again"));
  }

  /** The rerun of the publication an edition folder belongs to, with the operator's own folders. */
  String rerunCommand(Path plan, Path edition) {
    String publication = edition.getParent().getFileName().toString();
    int dash = publication.indexOf('-');
    StringBuilder sb = new StringBuilder("java -jar target/plan-reports.jar rerun");
    sb.append(" --input ").append(shell(common.input.toString()));
    sb.append(" --output ").append(shell(common.output.toString()));
    sb.append(" --state ").append(shell(common.state.toString()));
    if (plan != null) {
      sb.append(" --plan ").append(shell(plan.toString()));
    }
    if (common.encoding != null) {
      sb.append(" --encoding ").append(shell(common.encoding));
    }
    sb.append(" --year ").append(publication, 0, dash);
    sb.append(" --assessment ").append(publication.substring(dash + 1));
    return sb.append(" --reason \"").append(WORDS.get("run.rerun.reason")).append('"').toString();
  }

  private static String shell(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
