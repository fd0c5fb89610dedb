package org.planreports.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.TableSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * check-plan: reads a plan bundle and reports every mistake in it at once (exit 3), or what it
 * declares (exit 0). Every other command runs the same checks before it starts.
 */
@Command(
    name = "check-plan",
    mixinStandardHelpOptions = true,
    description = "检查方案包（plan.properties 及其旁的 CSV 文件），一次列出全部错误。")
class CheckPlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--plan", paramLabel = "FILE", description = "方案文件 plan.properties（默认：内置方案）")
  Path plan;

  @Override
  public Integer call() {
    Plan p = plan == null ? PlanLoader.loadDefault() : PlanLoader.load(plan);
    var out = spec.commandLine().getOut();
    out.println(
        "方案包无误：《"
            + p.meta().title()
            + "》，地区 "
            + p.meta().regionCode()
            + " "
            + p.meta().regionName()
            + "，规划期 "
            + p.meta().baseYear()
            + "–"
            + p.meta().finalYear()
            + "。");
    for (TableSpec t : p.tables()) {
      out.println(
          "  "
              + t.name()
              + "（"
              + p.rows(t.name()).size()
              + "行）刊于："
              + String.join(" ", t.publications().stream().sorted().toList()));
    }
    p.bulletins().forEach(b -> out.println("  专题公报 " + b.id() + "：" + b.title()));
    return ExitCodes.OK;
  }
}
