package org.planreports.cli;

import java.util.concurrent.Callable;
import org.planreports.job.RunMode;
import org.planreports.plan.PublicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "读取并校验输入目录中的全部统计数据，计算指标、评估并生成发布物。",
      "默认生成数据支持的全部发布物：每个有数据年份的年度监测公报、中期评估报告、总结评估报告和高新区指标动态。"
    })
class RunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--year", paramLabel = "YEAR", description = "只生成该数据年份的发布物")
  Integer year;

  @Option(
      names = "--assessment",
      paramLabel = "TYPE",
      converter = AssessmentConverter.class,
      description = "只生成该类发布物：annual、midterm、final、zone")
  PublicationType assessment;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return new JobRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(common, RunMode.RUN, year, assessment, null);
  }
}
