package org.planreports.cli;

import java.util.concurrent.Callable;
import org.planreports.job.RunMode;
import org.planreports.plan.PublicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true)
class RunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--year", paramLabel = "YEAR", descriptionKey = "run.year")
  Integer year;

  @Option(
      names = "--assessment",
      paramLabel = "TYPE",
      converter = AssessmentConverter.class,
      descriptionKey = "run.assessment")
  PublicationType assessment;

  @Option(names = "--publish", descriptionKey = "run.publish")
  boolean publish;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "run.date")
  String date;

  @Spec CommandSpec spec;

  /**
   * Without {@code --publish}: review copies (审阅稿) only, released later by {@code publish}. With
   * it: published at once, as before review copies existed (for pipelines).
   */
  @Override
  public Integer call() throws Exception {
    JobRunner runner = new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr());
    return runner.run(common, publish ? RunMode.RUN : RunMode.REVIEW, year, assessment, null, date);
  }
}
