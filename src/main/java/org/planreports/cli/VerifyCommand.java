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
    StateDatabase db = selected.get();
    if (db.localFile(common.state).filter(f -> !Files.exists(f)).isPresent()) {
      out.println("状态目录 " + common.state + " 中没有发布历史：只按各版本的 manifest.json 核对文件，不核对是否缺少整个版本。");
      if (!Files.isDirectory(common.output)) {
        err.println("输出目录不存在：" + common.output);
        return ExitCodes.FAILURE;
      }
      return verify(null, out);
    }
    Optional<StateLock> lock = StateLock.tryAcquire(common.state, "verify");
    if (lock.isEmpty()) {
      err.println("状态目录 " + common.state + " 正被另一次运行占用：" + StateLock.holder(common.state));
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get()) {
      Optional<ConfigurableApplicationContext> opened = JobRunner.openState(common.state, db, err);
      if (opened.isEmpty()) {
        return ExitCodes.FAILURE;
      }
      try (ConfigurableApplicationContext ctx = opened.get()) {
        List<PublicationHistory.Row> rows = ctx.getBean(PublicationHistory.class).rows();
        if (db.isShared()) {
          // A shared database holds other outputs' editions too: this output's are compared.
          Path output = common.output.toAbsolutePath().normalize();
          rows =
              rows.stream().filter(r -> Path.of(r.edition().folder()).startsWith(output)).toList();
        }
        return verify(rows, out);
      }
    }
  }

  /** Every edition folder on disk and, with a history, every edition history knows. */
  private int verify(List<PublicationHistory.Row> history, PrintWriter out) throws IOException {
    Map<String, Path> onDisk = new TreeMap<>();
    for (Path folder : editionFolders(common.output)) {
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
        problems.addAll(ManifestCheck.check(manifest));
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
            && !PublicationHistory.contentDigest(folder).equals(r.edition().contentDigest())) {
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
