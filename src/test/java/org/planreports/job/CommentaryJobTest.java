package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.PlanReportsApplication;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;
import org.planreports.testing.Requests;
import org.planreports.validation.ValidationReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The office's commentary through the main job: a reference the publication cannot resolve, or a
 * mistake in the text, stops the run as invalid input (the CLI's exit 3) before anything is
 * rendered, with file and line on the terminal and in the validation report; and a changed
 * commentary is a new run.
 */
@SpringBootTest(classes = PlanReportsApplication.class)
class CommentaryJobTest {

  @Autowired JobService jobs;

  @TempDir Path tmp;

  private Path input(String commentary) throws IOException {
    Path input = Files.createDirectories(tmp.resolve("in"));
    try (Stream<Path> csvs = Files.list(Path.of("input"))) {
      for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(csv, input.resolve(csv.getFileName()));
      }
    }
    Path folder = Files.createDirectories(input.resolve("commentary"));
    Files.writeString(folder.resolve("2023-midterm.md"), commentary, StandardCharsets.UTF_8);
    return input;
  }

  @Test
  void aCommentaryErrorIsInvalidInputWithFileAndLineAndNothingIsRendered() throws IOException {
    Path input =
        input(
            "# 前言\n本报告评估规划中期进展。\n\n# 主要成效\n研发投入强度达到{{RD_INTENSITY:2023}}，"
                + "\n增长{{RD_EXP:2023}}，\n{{NO_SUCH:2023}}。\n坏的{{RD_INTENSITY 2023}}\n");
    Files.writeString(input.resolve("commentary/2023-midtrem.md"), "# 前言\n正文\n");
    Path output = tmp.resolve("out");

    JobOutcome outcome =
        jobs.start(Requests.of(params(input, output, tmp.resolve("state"), "midterm")));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.INVALID);
    assertThat(outcome.validationErrors()).isEqualTo(3);
    assertThat(outcome.validationLines())
        .contains(
            "错误 commentary/2023-midterm.md:6 中期评估报告没有印出“全社会R&D经费支出”2023年的数值",
            "错误 commentary/2023-midterm.md:7 规划中没有指标“NO_SUCH”",
            "错误 commentary/2023-midterm.md:8 数字引用的写法不对",
            "警告 commentary/2023-midtrem.md 评述文件没有对应的出版物");
    try (Stream<Path> published = Files.list(output)) {
      assertThat(published.map(p -> p.getFileName().toString())).containsExactly("validation");
    }
    String csv =
        Files.readString(
            output.resolve("validation").resolve(ValidationReport.CSV), StandardCharsets.UTF_8);
    assertThat(csv).contains("E_COMMENTARY_REF", "commentary/2023-midterm.md");
    assertThat(Files.readString(output.resolve("validation").resolve(ValidationReport.TEXT)))
        .contains("校验未通过", "commentary/2023-midterm.md");
    // nothing prepared is left in the state folder either
    try (Stream<Path> files = Files.walk(tmp.resolve("state"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".pdf"))).isEmpty();
    }
  }

  @Test
  void aRunWhoseOnlyChangeIsItsCommentaryIsANewRun() throws IOException {
    Path input = input("# 前言\n甲\n");
    String before = InputSet.scan(input).digest();
    Files.writeString(
        input.resolve("commentary/2023-midterm.md"), "# 前言\n乙\n", StandardCharsets.UTF_8);
    String after = InputSet.scan(input).digest();
    assertThat(after).isNotEqualTo(before);
    assertThat(InputSet.scan(input).digest()).isEqualTo(after);
    // the extracts are still the same files
    assertThat(InputSet.scan(input).files()).hasSize(5);
  }

  private static Map<String, String> params(
      Path input, Path output, Path state, String assessment) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, output.toString());
    p.put(RunRequest.STATE, state.toString());
    p.put(RunRequest.YEAR, "");
    p.put(RunRequest.ASSESSMENT, assessment);
    p.put(RunRequest.MODE, "run");
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }
}
