package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The commands an operator types besides {@code run}, as the README writes them: {@code template}
 * through the packaged jar in the operator's folder, {@code history}, the help and the mistakes on
 * the command line as the jar runs them once started ({@link InProcess}).
 */
class OperatorCommandsIT {

  @TempDir Path tmp;

  private static PackagedJarIT.Result exec(Path cwd, String... args)
      throws IOException, InterruptedException {
    return PackagedJarIT.exec(cwd, args);
  }

  /**
   * A command as the jar runs it once started ({@link InProcess}), its output and error together:
   * for the commands whose folders are given as absolute paths (the working directory is this
   * JVM's).
   */
  private static PackagedJarIT.Result here(String... args) {
    Jar.Result r = InProcess.run(List.of(args));
    return new PackagedJarIT.Result(r.exit(), r.all());
  }

  @Test
  void templateWritesTheFileTheReadmeNamesAndNeverOverwritesAFilledOne() throws Exception {
    PackagedJarIT.Result written = exec(tmp, "template", "--file", "extract-template.csv");
    assertThat(written.exit()).as(written.out()).isZero();
    Path file = tmp.resolve("extract-template.csv");
    String csv = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(csv).contains("RD_EXP", "500119", "亿元", "高新区R&D经费支出");
    assertThat(written.out()).contains("已写出模板：extract-template.csv").doesNotContain("Exception");

    Files.writeString(file, "filled in by the statistics office");
    PackagedJarIT.Result again = exec(tmp, "template");
    assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.out()).contains("文件已存在，未覆盖").doesNotContain("Exception");
    assertThat(Files.readString(file)).isEqualTo("filled in by the statistics office");

    Path other = Files.createDirectories(tmp.resolve("other"));
    PackagedJarIT.Result bare = exec(other, "template");
    assertThat(bare.exit()).as(bare.out()).isZero();
    assertThat(other.resolve("extract-template.csv")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "run --bogus | 无法识别 --bogus | plan-reports run --help",
        "run --year | 选项 --year 后面缺少取值 | plan-reports run --help",
        "run --year abc | 选项 --year 的取值无效：abc（应为整数 | plan-reports run --help",
        "rerun --year 2023 | 缺少必需的选项 --assessment、--reason | plan-reports rerun --help",
        "run --assessment Zone! | --assessment 只能是 annual、midterm、final | plan-reports run --help",
        "bogus | 无法识别 bogus | plan-reports --help",
      })
  void commandLineMistakesAreSaidInChineseWithExitCode2(String args, String said, String hint)
      throws Exception {
    PackagedJarIT.Result r = here(args.split(" "));
    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).contains("命令行有误：", said, "查看用法：" + hint);
    assertThat(r.out()).doesNotContain("Unknown", "Missing", "Invalid", "Usage", "Exception");
  }

  /**
   * Blank reasons: a space, a tab, a full-width space, nothing, and a mix with a no-break space.
   */
  @ParameterizedTest(name = "[{0}]")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {" ", "\t", "\u3000", "", " \u00A0\u3000\t "})
  void aBlankReasonIsAUsageErrorAndWritesNothing(String reason) throws Exception {
    PackagedJarIT.Result r =
        here(
            "rerun",
            "--year",
            "2023",
            "--assessment",
            "midterm",
            "--reason",
            reason,
            "--input",
            Path.of("input").toAbsolutePath().toString(),
            "--output",
            tmp.resolve("out").toString(),
            "--state",
            tmp.resolve("state").toString());
    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out())
        .contains("命令行有误：--reason 不能为空或只有空白", "查看用法：plan-reports rerun --help")
        .doesNotContain("未说明", "Exception");
    assertThat(tmp.resolve("state")).doesNotExist();
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void helpIsChinese() throws Exception {
    for (String command : List.of("run", "rerun", "history", "verify", "template")) {
      PackagedJarIT.Result r = here(command, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("用法：", "选项：", "显示本帮助并退出。");
      assertThat(r.out()).doesNotContain("Usage", "Show this help", "Print version");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--year 2022 --assessment midterm | 中期评估针对规划中期 2023 年的数据，请用 --year 2023",
        "--year 2023 --assessment final | 总结评估针对规划末年 2025 年的数据，请用 --year 2025",
        "--year 2032 | 不在规划期内，公报和评估的年份为 2021–2025 年",
        "--year 2020 --assessment annual | 不在规划期内",
      })
  void aYearThePlanHasNoSuchPublicationForIsSaidBeforeAnythingRuns(String args, String said)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("rerun", "--reason", "更正"));
    if (!args.contains("--assessment")) {
      cmd.addAll(List.of("--assessment", "annual"));
    }
    cmd.addAll(List.of(args.split(" ")));
    cmd.addAll(
        List.of(
            "--input",
            Path.of("input").toAbsolutePath().toString(),
            "--output",
            tmp.resolve("out").toString(),
            "--state",
            tmp.resolve("state").toString()));
    PackagedJarIT.Result r = here(cmd.toArray(String[]::new));
    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).contains(said).doesNotContain("该年份没有数据");
    assertThat(tmp.resolve("state")).doesNotExist();
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void historyIsReadableAndSaysWhyARunDidNotPublish() throws Exception {
    String state = tmp.resolve("state").toString();
    String out = tmp.resolve("out").toString();
    PackagedJarIT.Result none = here("history", "--state", state);
    assertThat(none.exit()).isZero();
    assertThat(none.out()).contains("中没有运行记录");
    assertThat(tmp.resolve("state")).doesNotExist();

    String input = Path.of("input").toAbsolutePath().toString();
    java.util.function.Function<List<String>, PackagedJarIT.Result> run =
        scope -> {
          List<String> args =
              new ArrayList<>(
                  List.of("run", "--publish", "--input", input, "--output", out, "--state", state));
          args.addAll(scope);
          return here(args.toArray(String[]::new));
        };
    // The bundled input has no 2024 data: the run publishes nothing, with an exit code of its own
    // (not 1, which a service restarts to resume).
    PackagedJarIT.Result nothing = run.apply(List.of("--year", "2024"));
    assertThat(nothing.exit()).as(nothing.out()).isEqualTo(ExitCodes.NOTHING_TO_PUBLISH);
    assertThat(nothing.out()).contains("--year 2024").doesNotContain("null");
    // The same command again ends the same way; history says so of both runs, though the second
    // does not run again the step that found nothing (issue 19 item 8 and the merge of 19/20).
    PackagedJarIT.Result again = run.apply(List.of("--year", "2024"));
    assertThat(again.exit()).as(again.out()).isEqualTo(ExitCodes.NOTHING_TO_PUBLISH);
    PackagedJarIT.Result annual = run.apply(List.of("--year", "2021", "--assessment", "annual"));
    assertThat(annual.exit()).as(annual.out()).isZero();

    PackagedJarIT.Result history = here("history", "--state", state);
    assertThat(history.exit()).as(history.out()).isZero();
    assertThat(history.out())
        .containsPattern(
            "#1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d → .*run --year 2024  地区 500119  没有可发布的内容")
        .containsPattern("#2  .*run --year 2024  地区 500119  没有可发布的内容")
        .containsPattern("#3  .*run --year 2021 --assessment annual  地区 500119  完成")
        .containsPattern("500119 2021-annual 第1版  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  运行#3")
        .doesNotContain("失败", "null");
    // No nanoseconds, no raw Spring Batch statuses.
    assertThat(history.out()).doesNotContainPattern(":\\d\\d\\.\\d").doesNotContain("FAILED");
  }
}
