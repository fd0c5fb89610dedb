package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.PlanReportsApplication;
import org.planreports.ingest.InputSet;
import org.planreports.job.JobOutcome;
import org.planreports.job.JobService;
import org.planreports.job.RunRequest;
import org.planreports.plan.PlanLoader;
import org.planreports.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The bad-input corpus through the main job: each fixture stops the job at validation (the CLI's
 * exit code 3), publishes nothing, and its finding is in the validation report on disk.
 */
@SpringBootTest(classes = PlanReportsApplication.class)
class BadInputJobTest {

  @Autowired JobService jobs;

  @TempDir Path tmp;

  static Stream<Corpus.Expected> corpus() {
    return Corpus.expected();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldRejectTheFixtureAndPublishNothing(Corpus.Expected e) throws IOException {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Corpus.BAD.resolve(e.file()), input.resolve(e.file()));
    Path output = tmp.resolve("out");

    JobOutcome outcome = jobs.start(Requests.of(params(input, output, tmp.resolve("state"))));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.INVALID);
    assertThat(outcome.validationErrors()).isPositive();
    assertThat(outcome.validationLines())
        .contains("错误 " + e.file() + (e.line() > 0 ? ":" + e.line() : ""));
    try (Stream<Path> published = Files.list(output)) {
      assertThat(published.map(p -> p.getFileName().toString())).containsExactly("validation");
    }
    String report =
        Files.readString(
            output.resolve("validation").resolve(ValidationReport.CSV), StandardCharsets.UTF_8);
    assertThat(report).contains(e.code()).contains(e.file());
    assertThat(Files.readString(output.resolve("validation").resolve(ValidationReport.TEXT)))
        .contains("校验未通过");
  }

  @Test
  void shouldReportTheFindingsOfEveryFileOfARunAtOnce() throws IOException {
    Path input = Files.createDirectories(tmp.resolve("in"));
    for (String f : List.of("number-nan.csv", "unit-wrong.csv", "empty-file.csv")) {
      Files.copy(Corpus.BAD.resolve(f), input.resolve(f));
    }

    JobOutcome outcome =
        jobs.start(Requests.of(params(input, tmp.resolve("out"), tmp.resolve("st"))));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.INVALID);
    assertThat(outcome.validationErrors()).isEqualTo(3);
    assertThat(outcome.validationLines())
        .contains("number-nan.csv:3 [value]", "unit-wrong.csv:3 [unit]", "empty-file.csv 文件为空");
  }

  @Test
  void shouldIgnoreTheYearsBeforeThePlanWithOneWarningPerFile() throws IOException {
    Path input = Files.createDirectories(tmp.resolve("in"));
    StringBuilder series =
        new StringBuilder("region_code,year,item_code,value,unit,source,status,note\r\n");
    for (int year = 2008; year <= 2020; year++) {
      series.append("500119,").append(year).append(",ENT_HNTE,").append(year - 1990);
      series.append(",家,区统计局,正式,\r\n");
    }
    Files.writeString(input.resolve("series.csv"), series.toString(), StandardCharsets.UTF_8);
    Files.copy(Path.of("input/nanchuan-2021-sample.csv"), input.resolve("2021.csv"));

    JobOutcome outcome =
        jobs.start(Requests.validate(params(input, tmp.resolve("out"), tmp.resolve("st"))));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(outcome.validationErrors()).isZero();
    String report =
        Files.readString(
            tmp.resolve("out/validation").resolve(ValidationReport.CSV), StandardCharsets.UTF_8);
    assertThat(report.lines().filter(l -> l.contains("W_YEAR_BEFORE_PLAN")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("series.csv", "7行", "2008—2014年"));
    assertThat(outcome.validationLines()).contains("series.csv").doesNotContain("null");
  }

  private static Map<String, String> params(Path input, Path output, Path state) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, output.toString());
    p.put(RunRequest.STATE, state.toString());
    p.put(RunRequest.YEAR, "");
    p.put(RunRequest.ASSESSMENT, "");
    p.put(RunRequest.MODE, "run");
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }
}
