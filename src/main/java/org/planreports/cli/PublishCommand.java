package org.planreports.cli;

import java.util.concurrent.Callable;
import org.planreports.job.RunMode;
import org.planreports.plan.PublicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Releases the review copies {@code run} prepared as editions, exactly as reviewed: all of them, or
 * one publication with {@code --year/--assessment}. It recomputes them from the input, plan and
 * commentary there now and refuses (exit 8) when any of them changed since the review; a
 * publication whose figures differ from its latest edition needs {@code --reason}.
 */
@Command(name = "publish", mixinStandardHelpOptions = true)
class PublishCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--year", paramLabel = "YEAR", descriptionKey = "publish.year")
  Integer year;

  @Option(
      names = "--assessment",
      paramLabel = "TYPE",
      converter = AssessmentConverter.class,
      descriptionKey = "publish.assessment")
  PublicationType assessment;

  @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "publish.reason")
  String reason;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "publish.date")
  String date;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (reason != null && RerunCommand.blank(reason)) {
      spec.commandLine()
          .getErr()
          .println(spec.resourceBundle().getString("corrections.reason.blank"));
      return ExitCodes.USAGE;
    }
    return new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(common, RunMode.PUBLISH, year, assessment, reason, date);
  }
}
