package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.planreports.core.Messages;
import org.planreports.job.Failures;
import org.planreports.job.PublicationHistory;
import org.planreports.job.StateDatabase;
import org.planreports.job.StateStore;
import org.planreports.publication.ContentDigest;
import org.planreports.publication.HistoryStatus;
import org.planreports.publication.Manifest;
import org.planreports.publication.ManifestCheck;
import org.planreports.publication.OutputLayout;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    modelTransformer = VerifyCommand.Words.class)
class VerifyCommand implements Callable<Integer> {

  private static final Messages WORDS = Messages.bundle("publication");

  /** The command's description, from the publication bundle. */
  public static final class Words implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.usageMessage()
          .description(
              WORDS.get("publication.verify.description"),
              WORDS.get("publication.verify.description.exit"));
      return spec;
    }
  }

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<StateDatabase> selected = common.stateDatabase(err);
    if (selected.isEmpty()) {
      return ExitCodes.USAGE;
    }
    // Only read: the H2 file is opened read-only, so a read-only state folder will do.
    StateDatabase db = selected.get().readOnly();
    if (db.localFile(common.state).filter(f -> !Files.exists(f)).isPresent()) {
      out.println(WORDS.get("publication.verify.noHistory", "state", common.state));
      if (!Files.isDirectory(common.output)) {
        err.println(WORDS.get("publication.verify.noOutput", "output", common.output));
        return ExitCodes.FAILURE;
      }
      return verify(null, out);
    }
    Optional<StateLock> lock = StateLock.tryAcquireForReading(common.state);
    if (lock.isEmpty()) {
      err.println(
          WORDS.get(
              "publication.verify.locked",
              "state",
              common.state,
              "holder",
              StateLock.holder(common.state)));
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get()) {
      Optional<ConfigurableApplicationContext> opened =
          new StateContexts().open(common.state, db, err);
      if (opened.isEmpty()) {
        return ExitCodes.FAILURE;
      }
      try (ConfigurableApplicationContext ctx = opened.get()) {
        List<PublicationHistory.Row> rows = ctx.getBean(PublicationHistory.class).rows();
        if (db.isShared()) {
          // A shared database holds other outputs' editions too: this output's are compared, by
          // the path given or the one a link leads to.
          Path output = common.output.toAbsolutePath().normalize();
          Path real = output(common.output).toAbsolutePath().normalize();
          rows =
              rows.stream()
                  .filter(
                      r ->
                          Path.of(r.edition().folder()).startsWith(output)
                              || Path.of(r.edition().folder()).startsWith(real))
                  .toList();
        }
        return verify(rows, out);
      }
    }
  }

  /** Every edition folder on disk and, with a history, every edition history knows. */
  private int verify(List<PublicationHistory.Row> history, PrintWriter out) throws IOException {
    OutputLayout layout = new OutputLayout(output(common.output));
    Map<String, Path> onDisk = new TreeMap<>();
    for (Path folder : layout.editionFolders()) {
      onDisk.put(layout.root().relativize(folder).toString(), folder);
    }
    Map<String, PublicationHistory.Row> known = new LinkedHashMap<>();
    if (history != null) {
      for (PublicationHistory.Row r : history) {
        StateStore.Edition e = r.edition();
        known.put(
            new OutputLayout.Place(e.region(), e.publication(), e.edition()).relative().toString(),
            r);
      }
    }
    int bad = 0;
    for (Map.Entry<String, Path> d : onDisk.entrySet()) {
      Path folder = d.getValue();
      List<String> problems = new ArrayList<>();
      Path manifest = folder.resolve(Manifest.FILE);
      if (Files.isRegularFile(manifest)) {
        try {
          problems.addAll(ManifestCheck.check(manifest));
        } catch (ManifestCheck.DamagedManifest damaged) {
          problems.add(damaged(manifest, damaged));
        } catch (IOException e) {
          // One unreadable folder or file is this edition's problem; the others are still checked.
          problems.add(CliText.get("dbdisk.verify.unreadable", Failures.describe(e)));
        }
      } else {
        problems.add(WORDS.get("publication.verify.noManifest"));
      }
      if (history != null) {
        PublicationHistory.Row r = known.get(d.getKey());
        if (r == null) {
          problems.add(WORDS.get("publication.verify.notInHistory"));
        } else if (r.status() == HistoryStatus.PENDING) {
          problems.add(WORDS.get("publication.verify.pending"));
        } else if (problems.isEmpty()
            && !sameContent(folder, r.edition().contentDigest(), problems)) {
          problems.add(WORDS.get("publication.verify.otherContent"));
        }
      }
      if (problems.isEmpty()) {
        out.println(WORDS.get("publication.verify.same", "folder", folder));
      } else {
        bad++;
        out.println(WORDS.get("publication.verify.different", "folder", folder));
        problems.forEach(p -> out.println("    " + p));
      }
    }
    int missing = 0;
    for (String k : known.keySet()) {
      if (!onDisk.containsKey(k)) {
        missing++;
        out.println(WORDS.get("publication.verify.missing", "folder", common.output.resolve(k)));
        out.println("    " + WORDS.get("publication.verify.missing.why"));
      }
    }
    out.println(
        WORDS.get(
            "publication.verify.summary",
            "checked",
            onDisk.size(),
            "bad",
            bad,
            "history",
            history == null
                ? ""
                : WORDS.get(
                    "publication.verify.summary.history",
                    "known",
                    known.size(),
                    "missing",
                    missing)));
    return bad + missing == 0 ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /** Whether the folder's content digest is the recorded one; an unreadable file is a problem. */
  private static boolean sameContent(Path folder, String recorded, List<String> problems) {
    try {
      return ContentDigest.ofFolder(folder).equals(recorded);
    } catch (java.io.UncheckedIOException e) {
      problems.add(CliText.get("dbdisk.verify.unreadable", Failures.describe(e)));
      return true;
    }
  }

  /** A damaged manifest, named, and what is wrong with it. */
  private static String damaged(Path manifest, ManifestCheck.DamagedManifest d) {
    return switch (d.damage()) {
      case TOO_LARGE -> CliText.get("dbdisk.verify.manifestTooLarge", manifest);
      case NOT_UTF8 -> CliText.get("dbdisk.verify.manifestNotUtf8", manifest);
      case TRUNCATED -> CliText.get("dbdisk.verify.manifestTruncated", manifest);
      case NOT_JSON ->
          CliText.get(
              "dbdisk.verify.manifestNotJson",
              manifest,
              String.valueOf(d.line()),
              String.valueOf(d.column()));
    };
  }

  /** The output folder, where a link to it leads: walking a link itself would find no editions. */
  static Path output(Path output) {
    try {
      return Files.isDirectory(output) ? output.toRealPath() : output;
    } catch (IOException e) {
      return output;
    }
  }
}
