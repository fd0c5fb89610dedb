package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 20 item 2, with the packaged jar: a symbolic link planted inside --output or --state on a
 * path the tool writes, moves or deletes is refused (exit 1, the link named) before anything is
 * written, and nothing outside the two real folders is written or deleted. --output and --state
 * themselves may be links. The commands run in this JVM ({@link InProcess}), as the jar runs them
 * once started.
 */
class PlantedLinksIT {

  @TempDir static Path tmp;

  static Path input;

  @BeforeAll
  static void copyInput() throws Exception {
    input = Jar.copyTree(Path.of("input"), tmp.resolve("input"));
  }

  /**
   * Where the link is planted (under out/ or state/), and whether it points to a file or folder.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "out/.plan-reports.lock.holder, file",
    "out/.plan-reports.lock, file",
    "state/run.lock.holder, file",
    "state/run.lock, file",
    "state/plan-reports.mv.db, file",
    "state/publication-history.check, file",
    "out/500119, dir",
    "out/500119/2023-midterm, dir",
    "out/500119/2023-midterm/edition-1, dir",
    "out/500119/2023-midterm/.edition-1.part, dir",
    "out/validation, dir",
    "out/validation/validation-report.csv, file",
    "out/validation/.validation-report.txt.part, file",
    "state/work, dir",
    "state/work/1, dir",
    "state/logs, dir",
    "state/logs/plan-reports.log, file",
  })
  void shouldRefuseAPlantedLinkWithExit1NamingItAndTouchNothingOutside(String at, String kind)
      throws Exception {
    Path root = Files.createDirectories(tmp.resolve("case-" + at.replace('/', '_')));
    Path out = root.resolve("out");
    Path state = root.resolve("state");
    Path sentinel = Files.createDirectories(root.resolve("sentinel"));
    Files.writeString(sentinel.resolve("keep.txt"), "不得改动\n");
    Files.createDirectories(sentinel.resolve("folder"));
    Files.writeString(sentinel.resolve("folder/inner.txt"), "不得改动\n");
    Path link = root.resolve(at);
    Files.createDirectories(link.getParent());
    Path target = kind.equals("file") ? sentinel.resolve("keep.txt") : sentinel.resolve("folder");
    Files.createSymbolicLink(link, target);
    Map<String, String> before = snapshot(sentinel);

    Jar.Result r =
        InProcess.run(
            List.of(
                "run",
                "--publish",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString()));

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains(link.toString(), "是符号链接", target.toString());
    assertThat(snapshot(sentinel)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(link)).as("the link is left as it was").isTrue();
    // Refused before anything was written: no edition, no state database, no report.
    assertThat(editions(out)).isEmpty();
    assertThat(
            state.resolve("plan-reports.mv.db").equals(link)
                || !Files.exists(state.resolve("plan-reports.mv.db"), LinkOption.NOFOLLOW_LINKS))
        .isTrue();
    assertThat(out.resolve("validation/validation-report.txt")).doesNotExist();
  }

  @Test
  void shouldNotWipeItsOwnStateDatabaseThroughAHolderLinkPlantedAtIt() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("own-database"));
    Path out = root.resolve("out");
    Path state = root.resolve("state");
    List<String> run =
        List.of(
            "run",
            "--publish",
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--state",
            state.toString(),
            "--year",
            "2023",
            "--assessment",
            "midterm");
    assertThat(InProcess.run(run).exit()).isZero();
    Path database = state.resolve("plan-reports.mv.db");
    byte[] before = Files.readAllBytes(database);
    Path holder = Files.createSymbolicLink(state.resolve(StateLock.HOLDER), database);

    Jar.Result refused = InProcess.run(run);
    Jar.Result history = InProcess.run(List.of("history", "--state", state.toString()));

    assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err()).contains(holder + " 是符号链接");
    // history only reads: it takes a shared lock and neither reads nor writes the holder file.
    assertThat(history.exit()).as(history.all()).isZero();
    assertThat(Files.readAllBytes(database)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(holder)).isTrue();
    Files.delete(holder);
    Jar.Result again = InProcess.run(run);
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("本次没有发布任何新内容");
  }

  @Test
  void shouldRunThroughLinkedOutputAndStateFoldersIntoTheirTargets() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("linked"));
    Path realOut = Files.createDirectories(root.resolve("real/out"));
    Path realState = Files.createDirectories(root.resolve("real/state"));
    Path out = Files.createSymbolicLink(root.resolve("out"), realOut);
    Path state = Files.createSymbolicLink(root.resolve("state"), realState);
    List<String> run =
        List.of(
            "run",
            "--publish",
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--state",
            state.toString(),
            "--year",
            "2023",
            "--assessment",
            "midterm");

    Jar.Result first = InProcess.run(run);
    Jar.Result again = InProcess.run(run);

    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.out()).contains(realOut.resolve("500119/2023-midterm/edition-1").toString());
    assertThat(realOut.resolve("500119/2023-midterm/edition-1/manifest.json")).exists();
    assertThat(realState.resolve("plan-reports.mv.db")).exists();
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("本次没有发布任何新内容");
    assertThat(Files.isSymbolicLink(out) && Files.isSymbolicLink(state)).isTrue();
  }

  private static List<Path> editions(Path out) throws Exception {
    if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.getFileName().toString().startsWith("edition-"))
          .filter(p -> !Files.isSymbolicLink(p))
          .toList();
    }
  }

  /** Every file and folder under {@code root} with its bytes' digest. */
  private static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        all.put(
            root.relativize(p).toString(),
            Files.isDirectory(p)
                ? "dir"
                : HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return all;
  }
}
