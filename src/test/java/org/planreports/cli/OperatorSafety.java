package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.FileEvents;

/**
 * Operator safety with the packaged jar, as an operator runs it: the state lock between two real
 * processes, kill -9 and resume to byte-identical output, bad input, editions and rerun, verify,
 * template and history. The run holding the lock and the run killed are jars started as processes;
 * the other commands run in this JVM as the jar runs them, on the H2 file or on PostgreSQL (which
 * the started jars are given as environment variables, the commands here as options). To keep runs
 * few, the tests share one output published before them ("reference", kept also as its bytes); a
 * test that changes it leaves it consistent, and none needs another to have run before it. {@link
 * OperatorSafetyIT} runs them all on the state folder's H2 file; {@link OperatorSafetyPostgresIT},
 * with the state in PostgreSQL, runs those whose point depends on the database the jar is given:
 * the lock (per district in a shared database), kill -9 and resume, bad input and verify. The
 * others (the refused and corrected edition, the edition deleted by hand, the template: {@link
 * #onTheStateFileOnly}) are the same on both: their database part is the job's and the history's,
 * which the postgres tier runs on PostgreSQL in-process ({@code PlanReportsJobPostgresTest}, {@code
 * PublicationHistoryPostgresTest}); a jar start costs seconds each, and they make 14 of them.
 */
abstract class OperatorSafety {

  private static final List<String> SCOPE = List.of("--year", "2023");

  @TempDir static Path tmp;

  static Path input;
  static Path out;
  static Path state;

  /** The environment a jar is started with for a state folder: none for the H2 file. */
  static Function<Path, Map<String, String>> database;

  /**
   * Whether the database is shared: runs then lock districts, not the state folder (they prepare
   * their files under --state all the same).
   */
  static boolean shared;

  /** The reference output's files and bytes as first published. */
  static Map<String, byte[]> reference;

  /**
   * Copies the input and publishes the reference output; each subclass calls it from its
   * {@code @BeforeAll}, with the database its jars are started on.
   */
  static void publishTheReference(Function<Path, Map<String, String>> db, boolean isShared)
      throws Exception {
    database = db;
    shared = isShared;
    input = copy(Path.of("input"), tmp.resolve("input"));
    out = tmp.resolve("reference/out");
    state = tmp.resolve("reference/state");
    Jar.Result first = jar(run(input, out, state));
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(out.resolve("500119/2023-midterm/edition-1/manifest.json")).exists();
    reference = contents(out);
  }

  @Test
  void shouldRefuseASecondRunOnTheSameStateFolderWithExit4NamingTheHolder() throws Exception {
    Path lockedOut = tmp.resolve("locked/out");
    Path lockedState = tmp.resolve("locked/state");
    Process first = start(tmp.resolve("first.log"), run(input, lockedOut, lockedState));
    if (shared) {
      // No state folder lock: the district is locked in the database, and a second run waits for
      // it; history is kept per output folder, so it then publishes the same editions into its
      // own output folder.
      assertThat(
              FileEvents.await(
                  lockedState,
                  first,
                  Duration.ofSeconds(120),
                  () -> Files.isDirectory(lockedState.resolve("work"))))
          .as("the first run prepares its files: %s", Files.readString(tmp.resolve("first.log")))
          .isTrue();
      Jar.Result second = jar(run(input, tmp.resolve("other-out"), lockedState));
      assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as(Files.readString(tmp.resolve("first.log"))).isZero();
      assertThat(second.exit()).as(second.all()).isZero();
      Jar.assertSameFiles(lockedOut.resolve("500119"), tmp.resolve("other-out/500119"));
      assertThat(lockedOut.resolve("500119/2023-midterm/edition-1/manifest.json")).exists();
      return;
    }
    Path holder = lockedState.resolve(StateLock.HOLDER);
    assertThat(
            FileEvents.await(
                lockedState,
                first,
                Duration.ofSeconds(120),
                () -> Files.exists(holder) && Files.size(holder) > 0))
        .as("the first run holds the lock: %s", Files.readString(tmp.resolve("first.log")))
        .isTrue();

    Jar.Result second = jar(run(input, tmp.resolve("other-out"), lockedState));

    assertThat(second.exit()).isEqualTo(ExitCodes.LOCKED);
    assertThat(second.err()).contains("正被另一次运行占用", "pid " + first.pid());
    assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(tmp.resolve("first.log"))).isZero();
    assertThat(tmp.resolve("other-out")).doesNotExist();
    assertThat(lockedOut.resolve("500119/2023-midterm/edition-1/manifest.json")).exists();

    Jar.Result again = jar(run(input, lockedOut, lockedState));
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("本次没有发布任何新内容");
    assertThat(lockedOut.resolve("500119/2023-midterm/edition-2")).doesNotExist();
  }

  @Test
  void shouldResumeARunKilledDuringRenderToByteIdenticalFiles() throws Exception {
    Path in = copy(Path.of("input"), tmp.resolve("killed/input"));
    Path killedOut = tmp.resolve("killed/out");
    Path killedState = tmp.resolve("killed/state");
    Process p = start(tmp.resolve("killed.log"), run(in, killedOut, killedState));
    assertThat(
            FileEvents.await(
                killedState,
                p,
                Duration.ofSeconds(120),
                () -> partialRenderExists(killedState.resolve("work"))))
        .as("a PDF being rendered: %s", Files.readString(tmp.resolve("killed.log")))
        .isTrue();
    Jar.kill(p);
    assertThat(published(killedOut)).noneMatch(f -> f.contains("edition-"));
    assertNoPartialFiles(killedOut);

    Jar.Result resumed = jar(run(in, killedOut, killedState));

    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("已发布");
    assertThat(published(killedOut)).isEqualTo(List.copyOf(reference.keySet())).isNotEmpty();
    for (String f : reference.keySet()) {
      assertThat(Files.readAllBytes(killedOut.resolve(f))).as(f).isEqualTo(reference.get(f));
    }
    assertNoPartialFiles(killedOut);
  }

  @Test
  void shouldRejectBadInputWithExit3AndLeaveEarlierEditionsUntouched() throws Exception {
    Map<String, byte[]> before = contents(out.resolve("500119"));
    Path bad = copy(Path.of("input"), tmp.resolve("bad-input"));
    Path fixtures = Path.of("src/test/resources/fixtures/bad");
    for (String f : List.of("number-percent.csv", "undecodable-utf8.csv", "ragged-row.csv")) {
      Files.copy(fixtures.resolve(f), bad.resolve(f));
    }

    Jar.Result r = jar(run(bad, out, state));

    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("校验未通过：错误 3 项")
        .contains("number-percent.csv:3 [value] 数值带有百分号：“2.45%”")
        .contains("undecodable-utf8.csv:3 无法识别文件编码")
        .contains("ragged-row.csv:3 本行有9个字段")
        .contains("未发布任何内容");
    assertThat(contents(out.resolve("500119"))).isEqualTo(before);
    assertThat(out.resolve("validation/validation-report.txt")).content().contains("校验未通过");
    assertThat(out.resolve("validation/validation-report.csv"))
        .content(StandardCharsets.UTF_8)
        .contains("E_NUMBER,number-percent.csv,3,value,2.45%");
  }

  @Test
  void shouldRefuseChangedInputWithExit5AndPublishACorrectedEditionOnRerun() throws Exception {
    Path changed = copy(input, tmp.resolve("changed-input"));
    Path f = changed.resolve("nanchuan-2023-sample.csv");
    Files.writeString(
        f,
        Files.readString(f).replace("500119,2023,RD_EXP,8.62,", "500119,2023,RD_EXP,8.82,"),
        StandardCharsets.UTF_8);
    Path midterm = out.resolve("500119/2023-midterm");
    Map<String, byte[]> edition1 = contents(midterm.resolve("edition-1"));
    List<String> scope = List.of("--year", "2023", "--assessment", "midterm");

    // What an earlier version left in the published tree (its work folder with a shared database).
    Path legacy = out.resolve(RunLauncher.LEGACY_WORK_ON_OUTPUT + "/9/rendered/2023-midterm");
    Files.createDirectories(legacy);
    Files.writeString(legacy.resolve("500119-2023-midterm.pdf"), "unreleased");

    Jar.Result refused = jar(with(command("run", changed, out, state), scope));

    assertThat(refused.exit()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(refused.err()).contains("数字与已发布版本不同", "edition-1", "rerun");
    assertThat(midterm.resolve("edition-2")).doesNotExist();
    // The refused figures are nowhere: not in the published tree, not left under --state.
    assertNoUnreleasedFiles(out, state);

    String reason = "2023年R&D经费支出经区统计局核定为8.82亿元";
    Jar.Result rerun = jar(with(command("rerun", changed, out, state), scope, "--reason", reason));

    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.out()).contains("edition-2", "更正说明", "表2 第1行", " → ");
    assertThat(contents(midterm.resolve("edition-1"))).isEqualTo(edition1);
    Path edition2 = midterm.resolve("edition-2");
    String pdf = text(edition2.resolve("500119-2023-midterm.pdf"));
    assertThat(pdf).contains("更正说明", "更正第1版", reason);
    List<String> notice = Files.readAllLines(edition2.resolve("correction-notice.csv"));
    assertThat(notice).hasSizeGreaterThan(1);
    for (String row : notice.subList(1, notice.size())) {
      String[] cells = row.split(",");
      assertThat(pdf).as(row).contains(cells[5], cells[6]);
    }
    assertThat(notice).anyMatch(r -> r.startsWith("table2.csv,表2,1,"));
    assertThat(edition2.resolve("manifest.json")).content().contains("\"reason\": \"" + reason);

    Jar.Result again = jar(with(command("rerun", changed, out, state), scope, "--reason", reason));
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("没有发布任何新内容");
    assertThat(midterm.resolve("edition-3")).doesNotExist();

    Jar.Result history = jar(List.of("history", "--state", state.toString()));
    assertThat(history.exit()).isZero();
    assertThat(history.out()).contains("2023-midterm 第2版", "更正原因：" + reason);

    // The corrected edition deleted by hand: a run with its figures rebuilds it, notice and all.
    Path kept = Jar.copyTree(edition2, tmp.resolve("kept-edition-2"));
    AtomicFilesForTests.delete(edition2);
    Jar.Result rebuilt = jar(with(command("run", changed, out, state), scope));
    assertThat(rebuilt.exit()).as(rebuilt.all()).isZero();
    assertThat(rebuilt.out()).contains(edition2 + "（输出目录中缺失，本次输入未变，已按原样重建）");
    Jar.assertSameFiles(kept, edition2);
  }

  @Test
  void shouldVerifyPublishedFilesAndDetectATamperedOne() throws Exception {
    List<String> verify =
        List.of("verify", "--output", out.toString(), "--state", state.toString());
    Jar.Result clean = jar(verify);
    assertThat(clean.exit()).as(clean.out()).isZero();
    assertThat(clean.out()).contains("不一致 0 个");

    Path csv = out.resolve("500119/2023-annual/edition-1/table2.csv");
    byte[] published = Files.readAllBytes(csv);
    Files.writeString(csv, Files.readString(csv).replace("2023", "2024"));
    try {
      Jar.Result tampered = jar(verify);

      assertThat(tampered.exit()).isNotZero();
      assertThat(tampered.out()).contains("文件已被改动 table2.csv", "2023-annual");
    } finally {
      // The reference as published again, for the tests that run after this one.
      Files.write(csv, published);
    }
  }

  @Test
  void shouldWriteATemplateThatValidatesOnceFilled() throws Exception {
    Path filled = Files.createDirectories(tmp.resolve("template-input"));
    Path template = tmp.resolve("template.csv");
    assertThat(inProcess(List.of("template", "--file", template.toString())).exit()).isZero();

    List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
    List<String> rows = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      c[1] = "2024";
      c[3] = c[4].equals("年") ? "2024" : "1";
      rows.add(String.join(",", c));
    }
    Files.write(filled.resolve("filled.csv"), rows, StandardCharsets.UTF_8);

    Jar.Result r =
        inProcess(
            List.of(
                "validate",
                "--input",
                filled.toString(),
                "--output",
                tmp.resolve("template-out").toString(),
                "--state",
                tmp.resolve("template-state").toString()));

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("校验通过");
  }

  @Test
  void shouldRebuildAnEditionDeletedByHandByteIdenticalOrFailNamingIt() throws Exception {
    Path dir = tmp.resolve("missing");
    Path own = dir.resolve("out");
    Path st = dir.resolve("state");
    List<String> scope = List.of("--year", "2023", "--assessment", "midterm");
    Jar.Result first = inProcess(with(command("run", input, own, st), scope));
    assertThat(first.exit()).as(first.all()).isZero();
    Path edition = own.resolve("500119/2023-midterm/edition-1");
    Path kept = Jar.copyTree(edition, dir.resolve("kept"));
    AtomicFilesForTests.delete(edition);

    Jar.Result rebuilt = inProcess(with(command("run", input, own, st), scope));

    assertThat(rebuilt.exit()).as(rebuilt.all()).isZero();
    assertThat(rebuilt.out()).contains(edition + " 不在输出目录中", edition + "（输出目录中缺失，本次输入未变，已按原样重建）");
    Jar.assertSameFiles(kept, edition);
    Jar.Result again = inProcess(with(command("run", input, own, st), scope));
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("本次没有发布任何新内容", edition.toString());
    assertNoUnreleasedFiles(own, st);

    // Deleted again, with other figures: nothing rebuilds it, and the run says so (exit 1).
    AtomicFilesForTests.delete(edition);
    Path changed = copy(input, dir.resolve("changed-input"));
    Path f = changed.resolve("nanchuan-2023-sample.csv");
    Files.writeString(
        f,
        Files.readString(f).replace("500119,2023,RD_EXP,8.62,", "500119,2023,RD_EXP,8.82,"),
        StandardCharsets.UTF_8);

    Jar.Result failed = inProcess(with(command("run", changed, own, st), scope));

    assertThat(failed.exit()).as(failed.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(failed.err()).contains("却不在输出目录中", edition.toString(), "从备份恢复");
    assertThat(failed.out()).doesNotContain("已发布");
    assertThat(own.resolve("500119/2023-midterm")).isEmptyDirectory();
    assertNoUnreleasedFiles(own, st);

    // Restored by hand from a copy: history takes it back, and the first run is done again.
    Jar.copyTree(kept, edition);
    Jar.Result restored = inProcess(with(command("run", input, own, st), scope));
    assertThat(restored.exit()).as(restored.all()).isZero();
    assertThat(restored.out()).contains(edition + " 已回到输出目录", "本次没有发布任何新内容");

    // A new output folder with the same state gets editions of its own.
    Path second = dir.resolve("second-out");
    Jar.Result other = inProcess(with(command("run", input, second, st), scope));
    assertThat(other.exit()).as(other.all()).isZero();
    assertThat(other.out())
        .contains("已发布", second.resolve("500119/2023-midterm/edition-1").toString());
    assertThat(other.out()).doesNotContain(own.toString());
    Jar.assertSameFiles(own.resolve("500119"), second.resolve("500119"));
    Jar.Result history = inProcess(List.of("history", "--state", st.toString()));
    assertThat(history.out()).contains("输出目录 " + own + "：", "输出目录 " + second + "：");
  }

  // ---- helpers

  /**
   * A command to its end in this JVM ({@link InProcess}), for the tests on the state file only that
   * use neither the reference nor a process: they work in folders of their own.
   */
  private static Jar.Result inProcess(List<String> args) {
    return InProcess.run(args);
  }

  /** Removes a folder the way an operator would (rm -r). */
  private static final class AtomicFilesForTests {
    static void delete(Path root) throws IOException {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** No prepared (unreleased) file stays in the published tree or under --state after a run. */
  private static void assertNoUnreleasedFiles(Path output, Path st) throws IOException {
    assertThat(output.resolve(RunLauncher.LEGACY_WORK_ON_OUTPUT)).doesNotExist();
    Path work = st.resolve("work");
    if (Files.isDirectory(work)) {
      try (Stream<Path> walk = Files.walk(work)) {
        assertThat(walk.filter(Files::isRegularFile).toList()).isEmpty();
      }
    }
  }

  private static boolean partialRenderExists(Path work) throws IOException {
    if (!Files.isDirectory(work)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(work, 3)) {
      return walk.anyMatch(
          p -> p.getFileName().toString().endsWith(".part") && p.getParent().endsWith("rendered"));
    }
  }

  private static void assertNoPartialFiles(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      assertThat(walk).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }
  }

  private static List<String> run(Path in, Path output, Path st) {
    return with(command("run", in, output, st), SCOPE);
  }

  private static List<String> command(String cmd, Path in, Path output, Path st) {
    // These runs are about publishing: run --publish (issue 22: run alone prepares review copies).
    List<String> all = new ArrayList<>(List.of(cmd));
    if (cmd.equals("run")) {
      all.add("--publish");
    }
    all.addAll(
        List.of("--input", in.toString(), "--output", output.toString(), "--state", st.toString()));
    return all;
  }

  private static List<String> with(List<String> base, List<String> more, String... extra) {
    List<String> all = new ArrayList<>(base);
    all.addAll(more);
    all.addAll(List.of(extra));
    return all;
  }

  /** The files in an output folder. */
  private static List<String> published(Path root) throws IOException {
    return Jar.files(root);
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    for (String f : published(root)) {
      all.put(f, Files.readAllBytes(root.resolve(f)));
    }
    return new TreeMap<>(all) {
      @Override
      public boolean equals(Object o) {
        if (!(o instanceof Map<?, ?> m) || !m.keySet().equals(keySet())) {
          return false;
        }
        return entrySet().stream()
            .allMatch(en -> java.util.Arrays.equals(en.getValue(), (byte[]) m.get(en.getKey())));
      }

      @Override
      public int hashCode() {
        return keySet().hashCode();
      }
    };
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> list = Files.list(from)) {
      for (Path p : list.filter(Files::isRegularFile).toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
    return to;
  }

  /**
   * A command to its end, as the jar runs it once started ({@link InProcess}: the jar's classes and
   * version, so it resumes and matches what a started jar publishes, and meets a started jar's
   * lock): on the state folder's H2 file, or on the PostgreSQL database the started jars are given
   * as environment variables, given here as {@code --database}/{@code --database-user} (the test
   * server trusts its users); a server with a password (one of {@code TestPostgres}'s own) can only
   * be given it by the environment, so the jar is started with it.
   */
  private static Jar.Result jar(List<String> args) throws Exception {
    Map<String, String> env = database.apply(stateOf(args));
    if (env.isEmpty()) {
      return InProcess.run(args);
    }
    if (env.getOrDefault("PLANREPORTS_DATABASE_PASSWORD", "").isEmpty()) {
      return InProcess.run(
          with(
              args,
              List.of(
                  "--database",
                  env.get("PLANREPORTS_DATABASE_URL"),
                  "--database-user",
                  env.get("PLANREPORTS_DATABASE_USER"))));
    }
    return Jar.run(tmp, args, env);
  }

  private static Process start(Path log, List<String> args) throws IOException {
    return Jar.start(log, args, database.apply(stateOf(args)));
  }

  /** The --state a command line names, or the default. */
  private static Path stateOf(List<String> args) {
    int i = args.indexOf("--state");
    return Path.of(i < 0 ? "state" : args.get(i + 1)).toAbsolutePath().normalize();
  }
}
