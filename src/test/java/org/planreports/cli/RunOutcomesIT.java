package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.publication.AtomicFiles;
import org.planreports.testing.FileEvents;

/**
 * What the tool tells an operator when a run cannot finish, and that history and the output folder
 * stay one transaction: a failed step is exit 1 with one Chinese line and the same command then
 * succeeds; a deleted or damaged state folder, or a second one on the same output, never hides or
 * loses a publication; verify compares history with disk.
 */
class RunOutcomesIT {

  private static final List<String> SCOPE = List.of("--year", "2023", "--assessment", "midterm");
  private static final String EDITION = "500119/2023-midterm/edition-1";

  @TempDir static Path tmp;

  static Path input;
  static Path refOut;
  static Path refState;

  @BeforeAll
  static void publishTheReference() throws Exception {
    input = Jar.copyTree(Path.of("input"), tmp.resolve("input"));
    refOut = tmp.resolve("ref/out");
    refState = tmp.resolve("ref/state");
    Jar.Result r = jar(run(input, refOut, refState));
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(refOut.resolve(EDITION).resolve("manifest.json")).isRegularFile();
  }

  @Test
  void shouldFailWithOneChineseLineWhenAFileStandsWhereTheOutputNeedsAFolderAndResumeOnceRemoved()
      throws Exception {
    Path out = Files.createDirectories(tmp.resolve("blocked/out"));
    Path state = tmp.resolve("blocked/state");
    Path blocker = Files.writeString(out.resolve("500119"), "not a folder");

    Jar.Result failed = jar(run(input, out, state));

    assertThat(failed.exit()).as(failed.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(failed.err())
        .contains("运行失败：无法写入 " + out.resolve("500119"), "普通文件占据了应为文件夹的位置")
        .contains("详细信息见 " + state.resolve("logs/plan-reports.log"))
        .contains("用同一命令重新运行即可从中断处继续");
    assertNoStackTrace(failed);
    assertThat(state.resolve("logs/plan-reports.log"))
        .content()
        .contains("FileSystemException", "\tat org.planreports.job.PublishTasklet");
    assertThat(failed.out()).doesNotContain("已发布", "内容与已发布版本相同");
    Jar.Result history = jar(List.of("history", "--state", state.toString()));
    assertThat(history.out()).doesNotContain("第1版");

    Files.delete(blocker);
    Jar.Result resumed = jar(run(input, out, state));

    assertThat(resumed.exit()).as(resumed.all()).isZero();
    assertThat(resumed.out()).contains("已发布", out.resolve(EDITION).toString());
    assertSameFiles(refOut.resolve("500119"), out.resolve("500119"));
  }

  @Test
  void shouldFailOnAFullDiskWithoutAPartialEditionAndPublishOnTheSameCommandOnceThereIsRoom()
      throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("small-disk"));
    // A disk that fills up for real: a 300 KB tmpfs (root may mount one; elsewhere skipped).
    assumeThat(sh("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", disk.toString()))
        .as("can mount a tmpfs")
        .isZero();
    try {
      Path out = disk.resolve("out");
      Path state = tmp.resolve("small-disk-state");

      Jar.Result full = jar(run(input, out, state));

      assertThat(full.exit()).as(full.all()).isEqualTo(ExitCodes.FAILURE);
      assertThat(full.err()).contains("运行失败：无法写入 " + out.resolve("500119"), "：磁盘空间不足");
      assertNoStackTrace(full);
      assertThat(out.resolve(EDITION)).doesNotExist();
      assertThat(files(out)).noneMatch(f -> f.contains(".part"));

      assertThat(sh("mount", "-o", "remount,size=20m", disk.toString())).isZero();
      Jar.Result resumed = jar(run(input, out, state));

      assertThat(resumed.exit()).as(resumed.all()).isZero();
      assertThat(resumed.out()).contains("已发布");
      assertSameFiles(refOut.resolve("500119"), out.resolve("500119"));
    } finally {
      sh("umount", disk.toString());
    }
  }

  @Test
  void shouldRefuseChangedInputWithExit5AfterTheStateFolderWasDeletedAndPrintTheWholeRerun()
      throws Exception {
    Path out = Jar.copyTree(refOut, tmp.resolve("lost-state/out"));
    Path state = tmp.resolve("lost-state/new-state");
    Path changed = changedInput(tmp.resolve("lost-state/input"));

    Jar.Result refused = jar(run(changed, out, state));

    assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(refused.out()).contains("已按其 manifest.json 补记", out.resolve(EDITION).toString());
    String rerun =
        "rerun --input "
            + changed
            + " --output "
            + out
            + " --state "
            + state
            + " --year 2023 --assessment midterm --reason";
    assertThat(refused.err()).contains(rerun);
    assertThat(out.resolve("500119/2023-midterm/edition-2")).doesNotExist();

    Jar.Result corrected =
        jar(
            List.of(
                "rerun",
                "--input",
                changed.toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString(),
                "--year",
                "2023",
                "--assessment",
                "midterm",
                "--reason",
                "R&D经费核定"));
    assertThat(corrected.exit()).as(corrected.all()).isZero();
    assertThat(out.resolve("500119/2023-midterm/edition-2/manifest.json")).isRegularFile();
    Jar.Result verify =
        jar(List.of("verify", "--output", out.toString(), "--state", state.toString()));
    assertThat(verify.exit()).as(verify.all()).isZero();
    assertThat(verify.out()).contains("发布历史中有 2 个版本，输出目录中缺失 0 个");
  }

  @Test
  void shouldLockTheOutputAgainstARunWithAnotherStateFolderAndNotLoseItsPublication()
      throws Exception {
    Path out = tmp.resolve("shared/out");
    Process first =
        start(tmp.resolve("shared/first.log"), run(input, out, tmp.resolve("shared/state-a")));
    Path holder = out.resolve(StateLock.OUTPUT_HOLDER);
    assertThat(
            FileEvents.await(
                out,
                first,
                Duration.ofSeconds(120),
                () -> Files.exists(holder) && Files.size(holder) > 0))
        .as("the first run holds the output's lock")
        .isTrue();
    Path changed = changedInput(tmp.resolve("shared/input-b"));

    Jar.Result second = jar(run(changed, out, tmp.resolve("shared/state-b")));

    assertThat(second.exit()).as(second.all()).isEqualTo(ExitCodes.LOCKED);
    assertThat(second.err()).contains("输出目录", "正被另一次运行占用", "pid " + first.pid());
    assertThat(first.waitFor(240, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    assertThat(out.resolve(EDITION).resolve("manifest.json")).isRegularFile();
    // As the first (the jar) published it: its manifest names the jar's version, this JVM's not.
    Path published = Jar.copyTree(out.resolve("500119"), tmp.resolve("shared/published"));

    // Once the first is done, the second learns the publication exists from other input.
    Jar.Result after = jar(run(changed, out, tmp.resolve("shared/state-b")));
    assertThat(after.exit()).as(after.all()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(out.resolve("500119/2023-midterm/edition-2")).doesNotExist();
    assertSameFiles(published, out.resolve("500119"));
  }

  @Test
  void shouldRefuseATooLongReasonAndAStateFolderInsideTheOutputBeforeAnythingRuns()
      throws Exception {
    Path out = tmp.resolve("usage/out");
    Path state = tmp.resolve("usage/state");
    Jar.Result longReason =
        jar(
            List.of(
                "rerun",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString(),
                "--year",
                "2023",
                "--assessment",
                "midterm",
                "--reason",
                "更".repeat(501)));

    assertThat(longReason.exit()).as(longReason.all()).isEqualTo(ExitCodes.USAGE);
    assertThat(longReason.err()).contains("--reason 过长：共501个字符，最多500个");
    assertThat(out).doesNotExist();
    assertThat(state).doesNotExist();

    Jar.Result inside = jar(run(input, out, out.resolve("state")));

    assertThat(inside.exit()).as(inside.all()).isEqualTo(ExitCodes.USAGE);
    assertThat(inside.err()).contains("位于输出目录", "--state");
    assertThat(out).doesNotExist();
  }

  @Test
  void shouldVerifyHistoryAgainstDiskAndExit6OnMissingExtraOrTamperedFiles() throws Exception {
    Path out = Jar.copyTree(refOut, tmp.resolve("verify/out"));
    Path state = Jar.copyTree(refState, tmp.resolve("verify/state"));
    List<String> verify =
        List.of("verify", "--output", out.toString(), "--state", state.toString());
    Jar.Result clean = jar(verify);
    assertThat(clean.exit()).as(clean.all()).isZero();
    assertThat(clean.out()).contains("不一致 0 个", "缺失 0 个");

    Path edition = out.resolve(EDITION);
    Files.writeString(edition.resolve("stray.txt"), "added");
    Path csv = edition.resolve("table2.csv");
    Files.writeString(csv, Files.readString(csv).replace("2023", "2024"));
    Jar.Result changed = jar(verify);
    assertThat(changed.exit()).as(changed.all()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(changed.out()).contains("多出文件 stray.txt", "文件已被改动 table2.csv");

    Files.delete(edition.resolve("manifest.json"));
    Jar.Result noManifest = jar(verify);
    assertThat(noManifest.exit()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(noManifest.out()).contains("缺少 manifest.json");

    AtomicFiles.deleteTree(edition);
    Jar.Result missing = jar(verify);
    assertThat(missing.exit()).isEqualTo(ExitCodes.DIFFERENCES);
    assertThat(missing.out()).contains("缺失  " + edition, "发布历史中有 1 个版本，输出目录中缺失 1 个");

    Jar.Result noHistory =
        jar(
            List.of(
                "verify", "--output", out.toString(), "--state", tmp.resolve("none").toString()));
    assertThat(noHistory.out()).contains("没有发布历史：只按各版本的 manifest.json 核对");
  }

  @Test
  void shouldRefuseADamagedStateDatabaseAndRebuildHistoryFromTheManifestsOnceMovedAside()
      throws Exception {
    Path out = Jar.copyTree(refOut, tmp.resolve("damaged/out"));
    Path state = Jar.copyTree(refState, tmp.resolve("damaged/state"));
    Path db = state.resolve("plan-reports.mv.db");
    // Both file headers intact, every chunk gone: H2 opens this as an empty database.
    byte[] bytes = Files.readAllBytes(db);
    java.util.Arrays.fill(bytes, 8192, bytes.length, (byte) 0xff);
    Files.write(db, bytes);
    Jar.Result damaged = jar(run(input, out, state));

    assertThat(damaged.exit()).as(damaged.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(damaged.err()).contains("状态数据库 " + db, "不能再用", "移到别处", "manifest.json 重建");
    assertNoStackTrace(damaged);
    assertSameFiles(refOut.resolve("500119"), out.resolve("500119"));

    Files.move(state, tmp.resolve("damaged/state.bad"));
    Jar.Result rebuilt = jar(run(input, out, state));

    assertThat(rebuilt.exit()).as(rebuilt.all()).isZero();
    assertThat(rebuilt.out()).contains("已按其 manifest.json 补记", "未变化");
    assertThat(out.resolve("500119/2023-midterm/edition-2")).doesNotExist();
  }

  // ---- helpers

  private static void assertNoStackTrace(Jar.Result r) {
    assertThat(r.all()).doesNotContain("\tat ", "Exception", "ERROR", "WARN");
    assertThat(r.err().lines().filter(l -> l.startsWith("运行失败") || l.startsWith("状态数据库")))
        .hasSize(1);
  }

  private static Path changedInput(Path to) throws IOException {
    Path changed = Jar.copyTree(input, to);
    Path f = changed.resolve("nanchuan-2023-sample.csv");
    String text = Files.readString(f, StandardCharsets.UTF_8);
    assertThat(text).contains("500119,2023,RD_EXP,8.62,");
    Files.writeString(
        f,
        text.replace("500119,2023,RD_EXP,8.62,", "500119,2023,RD_EXP,8.82,"),
        StandardCharsets.UTF_8);
    return changed;
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    assertThat(files(actual)).isEqualTo(files(expected)).isNotEmpty();
    for (String f : files(expected)) {
      assertThat(Files.mismatch(expected.resolve(f), actual.resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  private static List<String> files(Path root) throws IOException {
    return Jar.files(root);
  }

  private static List<String> run(Path in, Path out, Path state) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "run",
                "--publish",
                "--input",
                in.toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString()));
    all.addAll(SCOPE);
    return all;
  }

  private static int sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  /**
   * A command in this JVM ({@link InProcess}): what these tests show is the command's; the one
   * process they need, the run holding the output's lock, is a jar started by {@link #start}.
   */
  private static Jar.Result jar(List<String> args) {
    return InProcess.run(args);
  }

  private static Process start(Path log, List<String> args) throws IOException {
    return Jar.start(log, args);
  }
}
