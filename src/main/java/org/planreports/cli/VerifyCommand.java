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
import java.util.stream.Stream;
import org.planreports.job.Failures;
import org.planreports.job.PublicationHistory;
import org.planreports.job.StateDatabase;
import org.planreports.job.StateStore;
import org.planreports.publication.Manifest;
import org.planreports.publication.ManifestCheck;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "核对已发布的文件：重新计算每个文件的SHA-256并与各版本的 manifest.json 比对，"
          + "并与状态目录中的发布历史比对（缺少的版本、缺少或多出的文件、被改动的文件）。",
      "全部一致退出码为0，发现不一致为6。"
    })
class VerifyCommand implements Callable<Integer> {

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
      out.println("状态目录 " + common.state + " 中没有发布历史：只按各版本的 manifest.json 核对文件，不核对是否缺少整个版本。");
      if (!Files.isDirectory(common.output)) {
        err.println("输出目录不存在：" + common.output);
        return ExitCodes.FAILURE;
      }
      return verify(null, out);
    }
    Optional<StateLock> lock = StateLock.tryAcquireForReading(common.state);
    if (lock.isEmpty()) {
      err.println("状态目录 " + common.state + " 正被另一次运行占用：" + StateLock.holder(common.state));
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
    Map<String, Path> onDisk = new TreeMap<>();
    for (Path folder : editionFolders(output(common.output))) {
      onDisk.put(key(folder), folder);
    }
    Map<String, PublicationHistory.Row> known = new LinkedHashMap<>();
    if (history != null) {
      for (PublicationHistory.Row r : history) {
        StateStore.Edition e = r.edition();
        known.put(e.region() + "/" + e.publication() + "/edition-" + e.edition(), r);
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
        problems.add("缺少 manifest.json");
      }
      if (history != null) {
        PublicationHistory.Row r = known.get(d.getKey());
        if (r == null) {
          problems.add("发布历史中没有这一版本");
        } else if (r.status().equals(PublicationHistory.PENDING)) {
          problems.add("发布历史中这一版本尚未完成发布（下次运行时核对处理）");
        } else if (problems.isEmpty()
            && !sameContent(folder, r.edition().contentDigest(), problems)) {
          problems.add("内容与发布历史记录的不同");
        }
      }
      if (problems.isEmpty()) {
        out.println("一致  " + folder);
      } else {
        bad++;
        out.println("不一致  " + folder);
        problems.forEach(p -> out.println("    " + p));
      }
    }
    int missing = 0;
    for (String k : known.keySet()) {
      if (!onDisk.containsKey(k)) {
        missing++;
        out.println("缺失  " + common.output.resolve(k));
        out.println("    发布历史中有这一版本，输出目录中没有");
      }
    }
    out.println(
        "共检查 "
            + onDisk.size()
            + " 个版本，不一致 "
            + bad
            + " 个"
            + (history == null ? "" : "；发布历史中有 " + known.size() + " 个版本，输出目录中缺失 " + missing + " 个")
            + "。");
    return bad + missing == 0 ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /** Whether the folder's content digest is the recorded one; an unreadable file is a problem. */
  private static boolean sameContent(Path folder, String recorded, List<String> problems) {
    try {
      return PublicationHistory.contentDigest(folder).equals(recorded);
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

  private static String key(Path folder) {
    return folder.getParent().getParent().getFileName()
        + "/"
        + folder.getParent().getFileName()
        + "/"
        + folder.getFileName();
  }

  /** {@code {region}/{publication}/edition-N} folders, with or without a manifest. */
  private static List<Path> editionFolders(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(output, 3)) {
      return walk.filter(Files::isDirectory)
          .filter(p -> output.relativize(p).getNameCount() == 3)
          .filter(p -> p.getFileName().toString().matches("edition-[0-9]+"))
          .sorted()
          .toList();
    }
  }
}
