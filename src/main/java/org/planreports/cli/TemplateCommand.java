package org.planreports.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.planreports.core.CompanionCsv;
import org.planreports.core.CompanionCsv.Cell;
import org.planreports.core.Messages;
import org.planreports.ingest.Columns;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.publication.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "template", mixinStandardHelpOptions = true)
class TemplateCommand implements Callable<Integer> {

  private static final Messages WORDS = Messages.bundle("operator");

  @Option(
      names = "--file",
      paramLabel = "FILE",
      descriptionKey = "template.file",
      defaultValue = "extract-template.csv")
  Path file;

  @Option(names = "--plan", paramLabel = "FILE", descriptionKey = "template.plan")
  Path plan;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // A bare file name has no parent folder: it is written into the current folder.
    Path target = file.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      // It may be a template the statistics office has already filled in.
      spec.commandLine().getErr().println(WORDS.get("cli.template.exists", "file", file));
      return ExitCodes.USAGE;
    }
    Plan p = plan == null ? PlanLoader.loadDefault() : PlanLoader.load(plan);
    if (target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
      AtomicFiles.write(target, org.planreports.ingest.TemplateWorkbook.write(p));
      spec.commandLine()
          .getOut()
          .println(
              Messages.bundle("workbook")
                  .get("workbook.template.written", "file", file, "items", p.items().size()));
      return ExitCodes.OK;
    }
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
              Cell.text(WORDS.get("cli.template.status")),
              Cell.text(item.name())));
    }
    AtomicFiles.write(target, CompanionCsv.write(Columns.ALL, rows));
    spec.commandLine()
        .getOut()
        .println(WORDS.get("cli.template.written", "file", file, "items", rows.size()));
    return ExitCodes.OK;
  }
}
