package org.planreports.cli;

import java.util.concurrent.Callable;
import org.planreports.job.RunMode;
import org.planreports.plan.PublicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rerun", mixinStandardHelpOptions = true)
class RerunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--year", required = true, paramLabel = "YEAR", descriptionKey = "rerun.year")
  Integer year;

  @Option(
      names = "--assessment",
      required = true,
      paramLabel = "TYPE",
      converter = AssessmentConverter.class,
      descriptionKey = "rerun.assessment")
  PublicationType assessment;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "rerun.reason")
  String reason;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "rerun.date")
  String date;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (blank(reason)) {
      // The reason is printed in the notice and kept in history: a correction must say why.
      spec.commandLine()
          .getErr()
          .println(spec.resourceBundle().getString("corrections.reason.blank"));
      spec.commandLine()
          .getErr()
          .println(spec.resourceBundle().getString("corrections.reason.help"));
      return ExitCodes.USAGE;
    }
    return new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(common, RunMode.RERUN, year, assessment, reason, date);
  }

  /** Empty, or nothing but white space of any kind (full-width and no-break spaces included). */
  static boolean blank(String reason) {
    return reason == null
        || reason
            .codePoints()
            .allMatch(
                c ->
                    Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || c == 0x200B
                        || c == 0xFEFF);
  }
}
