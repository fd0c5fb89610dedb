package org.planreports.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = "数据更正后发布某一发布物的新版本（edition N+1），旧版本保留。")
class RerunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--year", required = true, paramLabel = "YEAR", description = "数据年份")
  Integer year;

  @Option(
      names = "--assessment",
      required = true,
      paramLabel = "TYPE",
      description = "annual、midterm、final 或 zone")
  String assessment;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "更正原因，印在更正说明中")
  String reason;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!assessment.matches("annual|midterm|final|zone")) {
      spec.commandLine()
          .getErr()
          .println("--assessment 只能是 annual、midterm、final 或 zone：" + assessment);
      return ExitCodes.USAGE;
    }
    return JobRunner.run(
        common,
        "rerun",
        year,
        assessment,
        reason,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
