package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import org.planreports.core.Messages;
import org.planreports.job.RunMode;
import org.planreports.plan.PublicationType;
import org.planreports.report.PdfDocumentInfo;

/**
 * What {@code run}, {@code rerun} and {@code validate} do: the options become the districts'
 * requests ({@link RunRequests}), the requests are started or resumed under the locks ({@link
 * RunLauncher}), and how each ended becomes lines and an exit code ({@link OutcomeReport}).
 */
final class JobRunner {

  private final PrintWriter out;
  private final PrintWriter err;

  JobRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(
      CommonOptions common, RunMode mode, Integer year, PublicationType assessment, String reason)
      throws IOException {
    return run(common, mode, year, assessment, reason, null);
  }

  /**
   * @param date the publication date asked ({@code --date}, YYYY-MM-DD), or null: today in China
   *     Standard Time for what publishes, none for review copies and validation
   */
  int run(
      CommonOptions common,
      RunMode mode,
      Integer year,
      PublicationType assessment,
      String reason,
      String date)
      throws IOException {
    OutcomeReport report = new OutcomeReport(common, out, err);
    LocalDate day;
    try {
      day =
          date != null
              ? LocalDate.parse(date.strip())
              : mode.reviews() || mode.validateOnly()
                  ? null
                  : LocalDate.now(PdfDocumentInfo.CHINA_STANDARD_TIME);
    } catch (DateTimeParseException e) {
      err.println(Messages.bundle("review").get("review.publish.date.bad", "date", date));
      return ExitCodes.USAGE;
    }
    RunRequests.Planned planned;
    try {
      planned = new RunRequests(out, err, report).plan(common, mode, year, assessment, reason, day);
    } catch (RunRequests.Refused refused) {
      return refused.exit;
    }
    if (mode == RunMode.PUBLISH) {
      OptionalInt refused = ReviewCheck.check(planned, common, year, assessment, err);
      if (refused.isPresent()) {
        return refused.getAsInt();
      }
    }
    String command =
        (mode.reviews() ? "run" : mode.id())
            + " --input "
            + common.input
            + " --output "
            + common.output
            + (year == null ? "" : " --year " + year)
            + (assessment == null ? "" : " --assessment " + assessment.id());
    return new RunLauncher(common, out, err, report, new StateContexts()).launch(planned, command);
  }
}
