package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.planreports.job.RunMode;
import org.planreports.plan.PublicationType;

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
    OutcomeReport report = new OutcomeReport(common, out, err);
    RunRequests.Planned planned;
    try {
      planned = new RunRequests(out, err, report).plan(common, mode, year, assessment, reason);
    } catch (RunRequests.Refused refused) {
      return refused.exit;
    }
    String command =
        mode.id()
            + " --input "
            + common.input
            + " --output "
            + common.output
            + (year == null ? "" : " --year " + year)
            + (assessment == null ? "" : " --assessment " + assessment.id());
    return new RunLauncher(common, out, err, report, new StateContexts()).launch(planned, command);
  }
}
