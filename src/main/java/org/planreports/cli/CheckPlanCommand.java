package org.planreports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.planreports.core.Glyphs;
import org.planreports.core.Messages;
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
@Command(name = "check-plan", mixinStandardHelpOptions = true)
class CheckPlanCommand implements Callable<Integer> {

  private static final Messages WORDS = Messages.bundle("operator");

  @Spec CommandSpec spec;

  @Option(names = "--plan", paramLabel = "FILE|DIR", descriptionKey = "check-plan.plan")
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
        WORDS.get(
            "cli.checkPlan.plan",
            "title",
            p.meta().title(),
            "code",
            p.meta().regionCode(),
            "name",
            p.meta().regionName(),
            "base",
            p.meta().baseYear(),
            "final",
            p.meta().finalYear()));
    for (TableSpec t : p.tables()) {
      out.println(
          "  "
              + WORDS.get(
                  "cli.checkPlan.table",
                  "table",
                  t.name(),
                  "rows",
                  p.rows(t.name()).size(),
                  "publications",
                  String.join(" ", t.publications().stream().sorted().toList())));
    }
    p.bulletins()
        .forEach(
            b ->
                out.println(
                    "  " + WORDS.get("cli.checkPlan.bulletin", "id", b.id(), "title", b.title())));
  }
}
