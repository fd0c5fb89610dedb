package org.planreports.cli;

import java.util.concurrent.Callable;
import org.planreports.job.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "只读取并校验输入数据，写出校验报告（输出目录下 validation/），不发布任何内容。")
class ValidateCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(common, RunMode.VALIDATE, null, null, null);
  }
}
