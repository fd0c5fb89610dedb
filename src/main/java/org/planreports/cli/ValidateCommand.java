package org.planreports.cli;

import java.util.concurrent.Callable;
import org.planreports.job.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true)
class ValidateCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(common, RunMode.VALIDATE, null, null, null);
  }
}
