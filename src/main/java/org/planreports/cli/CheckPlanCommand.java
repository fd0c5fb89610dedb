package org.planreports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.planreports.core.Glyphs;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanBundles;
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

  @Option(
      names = "--plan",
      paramLabel = "FILE|DIR",
      description = "方案包：plan.properties、含它的目录，或每个子目录一个地区方案的目录；可重复（默认：内置方案）")
  List<Path> plans = new ArrayList<>();

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Plan p : PlanBundles.loadAll(PlanBundles.resolve(plans), Glyphs::firstUndrawable)) {
      describe(p, out);
    }
    return ExitCodes.OK;
  }

  private static void describe(Plan p, java.io.PrintWriter out) {
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
  }
}
