package org.planreports.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.planreports.publication.ManifestCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "重新计算每个已发布文件的SHA-256，并与各版本的 manifest.json 比对。")
class VerifyCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(common.output)) {
      out.println("输出目录不存在：" + common.output);
      return ExitCodes.FAILURE;
    }
    List<Path> manifests;
    try (Stream<Path> walk = Files.walk(common.output)) {
      manifests =
          walk.filter(p -> p.getFileName().toString().equals("manifest.json")).sorted().toList();
    }
    int bad = 0;
    for (Path m : manifests) {
      List<String> problems = ManifestCheck.check(m);
      if (problems.isEmpty()) {
        out.println("一致  " + m.getParent());
      } else {
        bad++;
        out.println("不一致  " + m.getParent());
        problems.forEach(p -> out.println("    " + p));
      }
    }
    out.println("共检查 " + manifests.size() + " 个版本，不一致 " + bad + " 个。");
    return bad == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
