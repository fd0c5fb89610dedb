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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(common, RunMode.RUN, year, assessment, null);
  }
}
