package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.planreports.core.Messages;
import org.planreports.job.Failures;
import org.planreports.job.JobOutcome;
import org.planreports.job.RunMode;

/** Turns how a run ended into the lines the operator reads and the command's exit code. */
final class OutcomeReport {

  private static final Messages WORDS = Messages.bundle("run");
  private static final Messages REVIEW = Messages.bundle("review");

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
        if (district.request().mode() == RunMode.PUBLISH) {
          err.println(REVIEW.get("review.publish.refused.reason"));
          o.refused()
              .forEach(r -> err.println("  " + command("publish", district.bundle(), Path.of(r))));
        } else {
          err.println(WORDS.get("run.refused.rerun"));
          o.refused().forEach(r -> err.println("  " + rerunCommand(district.bundle(), Path.of(r))));
        }
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
      case STALE -> {
        err.println(REVIEW.get("review.publish.stale"));
        JobOutcome.lines(o.message()).forEach(l -> err.println("  " + l));
        err.println(REVIEW.get("review.publish.stale.again"));
        return ExitCodes.STALE_REVIEW;
      }
      default -> {
        if (district.request().validateOnly()) {
          return ExitCodes.OK;
        }
        if (district.request().mode().reviews()) {
          return reviewed(o, district);
        }
        if (district.request().mode() == RunMode.PUBLISH
            && o.message() != null
            && !o.message().isBlank()) {
          out.println(REVIEW.get("review.publish.unreviewed"));
          JobOutcome.lines(o.message()).forEach(l -> out.println("  " + l));
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

  /** Review copies written: where, what they change, and how to release them. */
  private int reviewed(JobOutcome o, PlannedDistrict district) {
    if (o.published().isEmpty()) {
      out.println(REVIEW.get("review.run.none"));
      return ExitCodes.OK;
    }
    out.println(REVIEW.get("review.run.written"));
    o.published().forEach(p -> out.println("  " + p));
    if (!o.corrections().isEmpty()) {
      out.println(REVIEW.get("review.run.changes"));
      o.corrections().forEach(l -> out.println("  " + l));
    }
    out.println(REVIEW.get("review.run.next", "command", publishCommand(district.bundle())));
    return ExitCodes.OK;
  }

  /** The publish command with the operator's own folders (all reviewed publications). */
  String publishCommand(Path plan) {
    return base("publish", plan).toString();
  }

  /** A command on the publication an edition folder belongs to, with a reason to fill in. */
  private String command(String name, Path plan, Path edition) {
    String publication = edition.getParent().getFileName().toString();
    int dash = publication.indexOf('-');
    StringBuilder sb = base(name, plan);
    sb.append(" --year ").append(publication, 0, dash);
    sb.append(" --assessment ").append(publication.substring(dash + 1));
    return sb.append(" --reason \"").append(WORDS.get("run.rerun.reason")).append('"').toString();
  }

  private StringBuilder base(String name, Path plan) {
    StringBuilder sb = new StringBuilder("java -jar target/plan-reports.jar ").append(name);
    sb.append(" --input ").append(shell(common.input.toString()));
    sb.append(" --output ").append(shell(common.output.toString()));
    sb.append(" --state ").append(shell(common.state.toString()));
    if (common.review != null) {
      sb.append(" --review ").append(shell(common.review.toString()));
    }
    if (plan != null) {
      sb.append(" --plan ").append(shell(plan.toString()));
    }
    if (common.encoding != null) {
      sb.append(" --encoding ").append(shell(common.encoding));
    }
    return sb;
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
