package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publication is refused (exit 5) only when its own figures change, as the command line says it:
 * a corrected figure that the 2023 annual bulletin and mid-term evaluation print, but the 2023 zone
 * bulletin does not, refuses those two and leaves the zone bulletin "未变化", though all three are
 * read from the corrected file; a rerun of the mid-term publishes its edition 2 and nothing else.
 * The operator's runs on one output follow one another in one test; the tests on copies of the
 * first publication made before them need no other test to have run.
 */
class OwnFiguresIT {

  private static final List<String> YEAR = List.of("--year", "2023");

  @TempDir static Path tmp;

  static Path input;
  static Path corrected;
  static Path out;
  static Path state;

  @BeforeAll
  static void publishThe2023Publications() throws Exception {
    input = copy(Path.of("input"), tmp.resolve("input"));
    corrected = copy(input, tmp.resolve("corrected"));
    Path f = corrected.resolve("nanchuan-2023-sample.csv");
    String text = Files.readString(f, StandardCharsets.UTF_8);
    // 国家高新技术企业: 表2 of the annual bulletin and the mid-term evaluation; not in the zone bulletin.
    String fixed = text.replace("500119,2023,ENT_HNTE,52,", "500119,2023,ENT_HNTE,53,");
    assertThat(fixed).isNotEqualTo(text);
    Files.writeString(f, fixed, StandardCharsets.UTF_8);
    out = tmp.resolve("out");
    state = tmp.resolve("state");
    Jar.Result first = jar(command("run", input, out, state, YEAR));
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("2023-annual", "2023-midterm", "2023-zone");
    // The same history as an older version of the tool left it, without figures digests.
    copy(out, tmp.resolve("legacy/out"));
    Jar.copyTree(state, tmp.resolve("legacy/state"));
    // The output alone, as first published, for a state folder lost.
    copy(out, tmp.resolve("lost/out"));
  }

  /**
   * The extracts as Excel re-saves them: 0.70 → 0.7, 58.0 → 58, 421.3 → 421.30 (the same values,
   * other text); with {@code change}, one real correction as well.
   */
  private static Path resaved(String name, boolean change) throws IOException {
    Path copy = copy(input, tmp.resolve(name));
    try (Stream<Path> files = Files.list(copy)) {
      for (Path f : files.filter(p -> p.toString().endsWith("-sample.csv")).toList()) {
        // UTF-8 or, as the 2022 extract is saved, GB18030; written back in its own encoding.
        java.nio.charset.Charset cs = StandardCharsets.UTF_8;
        String original;
        try {
          original = Files.readString(f, cs);
        } catch (java.nio.charset.MalformedInputException e) {
          cs = java.nio.charset.Charset.forName("GB18030");
          original = Files.readString(f, cs);
        }
        StringBuilder sb = new StringBuilder();
        for (String line : original.split("\n", -1)) {
          String[] cells = line.split(",", -1);
          if (cells.length > 3 && cells[3].matches("\\d+\\.\\d*0")) {
            cells[3] = cells[3].replaceAll("\\.?0+$", "");
          } else if (cells.length > 3 && cells[3].matches("\\d+\\.\\d+")) {
            cells[3] = cells[3] + "0";
          }
          sb.append(sb.isEmpty() ? "" : "\n").append(String.join(",", cells));
        }
        String text = sb.toString();
        if (change) {
          text = text.replace("500119,2023,ENT_HNTE,52,", "500119,2023,ENT_HNTE,53,");
        }
        Files.writeString(f, text, cs);
      }
    }
    String year2023 = Files.readString(copy.resolve("nanchuan-2023-sample.csv"));
    assertThat(year2023)
        .contains("500119,2023,TECH_CONTRACT,0.7,", "500119,2023,GDP,421.30,")
        .isNotEqualTo(Files.readString(input.resolve("nanchuan-2023-sample.csv")));
    return copy;
  }

  /**
   * One output through the operator's runs in turn: a re-saved input, a real change, the corrected
   * input, the mid-term's rerun, the zone bulletin's rerun and the corrected input run again.
   */
  @Test
  void shouldRefuseOnlyThePublicationsWhoseOwnFiguresChangeAndRerunOnlyTheOneAskedFor()
      throws Exception {
    // An input re-saved with the same values is unchanged; a real change is refused.
    Jar.Result same = jar(command("run", resaved("resaved", false), out, state, YEAR));

    assertThat(same.exit()).as(same.out() + same.err()).isZero();
    assertThat(same.out())
        .contains("未变化", "2023-annual/edition-1", "2023-midterm/edition-1", "2023-zone/edition-1")
        .contains("没有发布任何新内容")
        .doesNotContain("已发布：");
    assertThat(editions())
        .containsExactly("2023-annual/edition-1", "2023-midterm/edition-1", "2023-zone/edition-1");

    Jar.Result changed = jar(command("run", resaved("resaved-changed", true), out, state, YEAR));

    assertThat(changed.exit())
        .as(changed.out() + changed.err())
        .isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(changed.err())
        .contains("2023-annual/edition-1", "2023-midterm/edition-1")
        .doesNotContain("2023-zone");
    assertThat(editions()).hasSize(3);

    // The corrected figure refuses only the publications that print it.
    Jar.Result r = jar(command("run", corrected, out, state, YEAR));

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(r.err())
        .contains("2023-annual/edition-1", "2023-midterm/edition-1")
        .doesNotContain("2023-zone");
    assertThat(r.out()).contains("未变化").contains("2023-zone/edition-1");
    assertThat(editions())
        .containsExactly("2023-annual/edition-1", "2023-midterm/edition-1", "2023-zone/edition-1");

    // The mid-term's rerun publishes its edition 2 and nothing else.
    Jar.Result rerun =
        jar(
            command(
                "rerun",
                corrected,
                out,
                state,
                List.of(
                    "--year", "2023", "--assessment", "midterm", "--reason", "高新技术企业数经核定为53家")));

    assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
    assertThat(rerun.out()).contains("2023-midterm/edition-2", "更正说明", "表2 第5行");
    assertThat(editions())
        .containsExactly(
            "2023-annual/edition-1",
            "2023-midterm/edition-1",
            "2023-midterm/edition-2",
            "2023-zone/edition-1");
    String manifest = Files.readString(out.resolve("500119/2023-midterm/edition-2/manifest.json"));
    assertThat(manifest).contains(sha256(corrected.resolve("nanchuan-2023-sample.csv")));

    // The zone bulletin's rerun finds it unchanged; the corrected input then refuses the annual
    // bulletin alone.
    Jar.Result zone =
        jar(
            command(
                "rerun",
                corrected,
                out,
                state,
                List.of("--year", "2023", "--assessment", "zone", "--reason", "核定")));

    assertThat(zone.exit()).as(zone.out() + zone.err()).isZero();
    assertThat(zone.out()).contains("没有发布任何新内容", "未变化", "2023-zone/edition-1");

    Jar.Result run = jar(command("run", corrected, out, state, YEAR));

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(run.err()).contains("2023-annual/edition-1").doesNotContain("midterm", "zone");
    assertThat(run.out()).contains("2023-midterm/edition-2", "2023-zone/edition-1");
    assertThat(editions()).hasSize(4).doesNotContain("2023-zone/edition-2");
  }

  @Test
  void shouldCompareAnEditionWithoutAFiguresDigestByItsContentAsBefore() throws Exception {
    Path legacyOut = tmp.resolve("legacy/out");
    Path legacyState = tmp.resolve("legacy/state");
    String url = "jdbc:h2:file:" + legacyState.toAbsolutePath().resolve("plan-reports");
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      // History is kept per output folder: the copied rows are moved to the copied folder (as if
      // both had been published there) and lose their figures digests, as an earlier version's.
      String moved = legacyOut.toRealPath().toString().replace("'", "''");
      assertThat(
              c.createStatement()
                  .executeUpdate(
                      "UPDATE pr_publication SET figures_digest = NULL, output_folder = '"
                          + moved
                          + "', folder = REPLACE(folder, output_folder, '"
                          + moved
                          + "')"))
          .isEqualTo(3);
    }

    Jar.Result r = jar(command("run", corrected, legacyOut, legacyState, YEAR));

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(r.err())
        .contains("2023-annual/edition-1", "2023-midterm/edition-1", "2023-zone/edition-1");
  }

  @Test
  void shouldKeepEachEditionsFiguresDigestWhenHistoryIsRebuiltFromTheManifests() throws Exception {
    // The state folder is lost; the output, as first published, remains.
    Path lostOut = tmp.resolve("lost/out");
    Path newState = tmp.resolve("lost/state");

    Jar.Result r = jar(command("run", corrected, lostOut, newState, YEAR));

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(r.out()).contains("已按其 manifest.json 补记").contains("未变化", "2023-zone/edition-1");
    assertThat(r.err())
        .contains("2023-annual/edition-1", "2023-midterm/edition-1")
        .doesNotContain("2023-zone");
  }

  private List<String> editions() throws IOException {
    Path root = out.resolve("500119");
    try (Stream<Path> walk = Files.walk(root, 2)) {
      return walk.filter(p -> p.getFileName().toString().startsWith("edition-"))
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static String sha256(Path f) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  private static List<String> command(
      String cmd, Path in, Path output, Path st, List<String> more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                cmd,
                "--input",
                in.toString(),
                "--output",
                output.toString(),
                "--state",
                st.toString()));
    if (cmd.equals("run")) {
      // These runs are about publishing: run --publish (issue 22: run alone prepares review
      // copies).
      all.add(1, "--publish");
    }
    all.addAll(more);
    return all;
  }

  /** A command to its end, in this JVM ({@link InProcess}): the point is what it publishes. */
  private static Jar.Result jar(List<String> args) {
    return InProcess.run(args);
  }

  private static Path copy(Path from, Path to) throws IOException {
    return Jar.copyTree(from, to);
  }
}
