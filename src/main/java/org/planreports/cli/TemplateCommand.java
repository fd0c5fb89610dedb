package org.planreports.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.planreports.core.CompanionCsv;
import org.planreports.core.CompanionCsv.Cell;
import org.planreports.ingest.Columns;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.publication.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = "写出一个空白的统计数据模板CSV（全部统计项代码、中文名称和单位），供统计部门填报。")
class TemplateCommand implements Callable<Integer> {

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "模板文件（默认：${DEFAULT-VALUE}）",
      defaultValue = "extract-template.csv")
  Path file;

  @Option(names = "--plan", paramLabel = "FILE", description = "规划目录文件 plan.properties（默认：内置方案）")
  Path plan;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // A bare file name has no parent folder: it is written into the current folder.
    Path target = file.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      // It may be a template the statistics office has already filled in.
      spec.commandLine().getErr().println("文件已存在，未覆盖：" + file + "（如需重新生成，请先移走它或用 --file 另选文件名）");
      return ExitCodes.USAGE;
    }
    Plan p = plan == null ? PlanLoader.loadDefault() : PlanLoader.load(plan);
    List<List<Cell>> rows = new ArrayList<>();
    for (Item item :
        p.items().values().stream().sorted(java.util.Comparator.comparing(Item::code)).toList()) {
      rows.add(
          List.of(
              Cell.text(p.meta().regionCode()),
              Cell.text(""),
              Cell.text(item.code()),
              Cell.text(""),
              Cell.text(item.unit()),
              Cell.text(""),
              Cell.text("正式"),
              Cell.text(item.name())));
    }
    AtomicFiles.write(target, CompanionCsv.write(Columns.ALL, rows));
    spec.commandLine()
        .getOut()
        .println("已写出模板：" + file + "（" + rows.size() + " 个统计项；填写年份和数值，缺失值填 -）");
    return ExitCodes.OK;
  }
}
