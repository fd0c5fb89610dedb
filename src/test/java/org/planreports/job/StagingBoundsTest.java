package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.PlanReportsApplication;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;
import org.planreports.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a run leaves in the state database does not grow with its input or with the runs. */
@SpringBootTest(classes = PlanReportsApplication.class)
class StagingBoundsTest {

  @Autowired JobService jobs;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;

  private long staged(String file) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM pr_staged_value WHERE file = ?", Long.class, file);
  }

  @Test
  void shouldPruneTheStagedRowsOfCompletedRunsAndStageOnlyThePlansRegion() throws Exception {
    Path first = Files.createDirectories(tmp.resolve("a"));
    Files.copy(Path.of("input/nanchuan-2023-sample.csv"), first.resolve("prune-first.csv"));
    StringBuilder city = new StringBuilder("region_code,year,item_code,value,unit\r\n");
    for (String line :
        Files.readAllLines(Path.of("input/nanchuan-2023-sample.csv")).subList(1, 43)) {
      String[] c = line.split(",");
      city.append(String.join(",", c[0], c[1], c[2], c[3], c[4])).append("\r\n");
      city.append(String.join(",", "500120", c[1], c[2], c[3], c[4])).append("\r\n");
    }
    Path second = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(second.resolve("prune-city.csv"), city, StandardCharsets.UTF_8);

    // Validation runs complete without publishing, whatever the shared history holds.
    JobOutcome a = jobs.start(Requests.validate(params(first, "2023")));
    assertThat(a.kind()).as(a.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    // A completed run's raw rows were only for validating and deriving: they are gone at its end.
    assertThat(staged("prune-first.csv")).isZero();

    JobOutcome b = jobs.start(Requests.validate(params(second, "2023")));
    assertThat(b.kind()).as(b.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(b.validationLines()).contains("42行属于方案未覆盖的地区（1个：500120×42）");
    // The second counted the city's other rows without staging them, and kept none at its end.
    assertThat(staged("prune-first.csv")).isZero();
    assertThat(staged("prune-city.csv")).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM pr_staged_value WHERE region <> '500119'", Long.class))
        .isZero();
  }

  @Test
  void shouldListAThousandFindingsOfACodePerFileAndCountTheRest() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("many"));
    StringBuilder text = new StringBuilder("region_code,year,item_code,value,unit\r\n");
    for (int i = 0; i < 1005; i++) {
      text.append("500119,").append(2015 + i % 11).append(",RD_EXP,约").append(i).append(",亿元\r\n");
    }
    Files.writeString(input.resolve("bad.csv"), text, StandardCharsets.UTF_8);

    JobOutcome o = jobs.start(Requests.of(params(input, "")));

    assertThat(o.kind()).isEqualTo(JobOutcome.Kind.INVALID);
    String report =
        Files.readString(
            tmp.resolve("out-many/validation/validation-report.txt"), StandardCharsets.UTF_8);
    assertThat(report).contains("错误 1001 项", "同类问题（E_NUMBER）另有5处未逐一列出");
  }

  private Map<String, String> params(Path input, String year) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, tmp.resolve("out-" + input.getFileName()).toString());
    p.put(RunRequest.STATE, tmp.resolve("state").toString());
    p.put(RunRequest.YEAR, year);
    p.put(RunRequest.ASSESSMENT, year.isEmpty() ? "" : "annual");
    p.put(RunRequest.MODE, "run");
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }
}
