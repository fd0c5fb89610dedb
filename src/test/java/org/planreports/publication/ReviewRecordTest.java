package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whether a review copy is still what publish would release: one row per kind of change. */
class ReviewRecordTest {

  private static final Manifest.Entry A = new Manifest.Entry("a-2023.csv", "aaa", 10);
  private static final Manifest.Entry A2 = new Manifest.Entry("a-2023.csv", "aa2", 11);
  private static final Manifest.Entry B = new Manifest.Entry("b-2022.csv", "bbb", 20);
  private static final Manifest.Entry C =
      new Manifest.Entry("commentary/2023-midterm.md", "ccc", 30);
  private static final Manifest.Entry C2 =
      new Manifest.Entry("commentary/2023-midterm.md", "cc2", 31);

  private static ReviewRecord.Sources sources(
      String tool, String plan, List<Manifest.Entry> inputs, List<Manifest.Entry> commentary) {
    return new ReviewRecord.Sources(
        tool,
        plan,
        ReviewRecord.digest(inputs),
        inputs,
        ReviewRecord.digest(commentary),
        commentary);
  }

  private static final ReviewRecord.Sources REVIEWED =
      sources("0.1.0", "plan-1", List.of(A, B), List.of(C));

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("nothing changed", REVIEWED, List.of()),
        Arguments.of(
            "an input file changed",
            sources("0.1.0", "plan-1", List.of(A2, B), List.of(C)),
            List.of("输入文件 a-2023.csv 已修改")),
        Arguments.of(
            "an input file added",
            sources(
                "0.1.0", "plan-1", List.of(A, B, new Manifest.Entry("c.csv", "x", 1)), List.of(C)),
            List.of("新增了输入文件 c.csv")),
        Arguments.of(
            "an input file removed",
            sources("0.1.0", "plan-1", List.of(A), List.of(C)),
            List.of("输入文件 b-2022.csv 已删除")),
        Arguments.of(
            "the commentary changed",
            sources("0.1.0", "plan-1", List.of(A, B), List.of(C2)),
            List.of("撰写内容 commentary/2023-midterm.md 已修改")),
        Arguments.of(
            "the commentary folder removed",
            sources("0.1.0", "plan-1", List.of(A, B), List.of()),
            List.of("撰写内容 commentary/2023-midterm.md 已删除")),
        Arguments.of(
            "the plan changed",
            sources("0.1.0", "plan-2", List.of(A, B), List.of(C)),
            List.of("方案包（plan.properties 及其旁的 CSV 文件）有变化")),
        Arguments.of(
            "another tool version",
            sources("0.2.0", "plan-1", List.of(A, B), List.of(C)),
            List.of("程序版本不同：审阅稿由 0.1.0 生成，现为 0.2.0")),
        Arguments.of(
            "everything at once, each said",
            sources("0.2.0", "plan-2", List.of(A2, B), List.of(C2)),
            List.of(
                "输入文件 a-2023.csv 已修改",
                "撰写内容 commentary/2023-midterm.md 已修改",
                "方案包（plan.properties 及其旁的 CSV 文件）有变化",
                "程序版本不同：审阅稿由 0.1.0 生成，现为 0.2.0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void differences(String name, ReviewRecord.Sources now, List<String> expected) {
    assertThat(ReviewRecord.differences(REVIEWED, now)).containsExactlyElementsOf(expected);
  }

  @Test
  void noCommentaryHasAnEmptyDigest() {
    assertThat(ReviewRecord.digest(List.of())).isEmpty();
    assertThat(ReviewRecord.digest(List.of(C))).hasSize(64);
  }

  @Test
  void writtenRecordReadsBackTheSame(@TempDir Path tmp) throws Exception {
    ReviewRecord record =
        new ReviewRecord(
            "0.1.0", "plan-1", "500119", "2023-midterm", "changed", 2, "fig\"1", REVIEWED);
    Path file = tmp.resolve(ReviewLayout.RECORD);
    Files.write(file, record.write());
    assertThat(ReviewRecord.read(file)).contains(record);
    // Same record, same bytes.
    assertThat(record.write()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void aFileThatIsNoRecordIsNone(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve(ReviewLayout.RECORD);
    Files.writeString(file, "{\"tool\": \"x\"}", StandardCharsets.UTF_8);
    assertThat(ReviewRecord.read(file)).isEmpty();
    assertThat(ReviewRecord.read(tmp.resolve("missing.json"))).isEmpty();
  }

  @Test
  void commentaryIsEveryMarkdownFileBesideTheExtracts(@TempDir Path tmp) throws Exception {
    assertThat(ReviewRecord.commentary(tmp)).isEmpty();
    Path dir = Files.createDirectories(tmp.resolve(ReviewRecord.COMMENTARY));
    Files.writeString(dir.resolve("2023-midterm.md"), "# 前言\n");
    Files.writeString(dir.resolve("2022-annual.MD"), "text\n");
    Files.writeString(dir.resolve("notes.txt"), "not commentary\n");
    assertThat(ReviewRecord.commentary(tmp))
        .extracting(Manifest.Entry::file)
        .containsExactly("commentary/2022-annual.MD", "commentary/2023-midterm.md");
  }
}
