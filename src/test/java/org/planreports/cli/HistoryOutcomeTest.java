package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.job.JobOutcome;
import org.planreports.job.JobService;
import org.planreports.job.RunRequest;
import org.planreports.plan.PlanLoader;
import org.planreports.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code history}'s outcome of each run means what the run's exit code meant, for a first run and
 * for the same command started again (which does not run again the steps finished before, among
 * them the one that ended the run): nothing to publish (7), input rejected (3), refused (5), a
 * failure (1) and, resumed once its cause is removed, done (0).
 */
// A database of its own: each run's execution is the newest one when it is read back.
@SpringBootTest(
    properties = "spring.datasource.url=jdbc:h2:mem:history-outcome-test;DB_CLOSE_DELAY=-1")
class HistoryOutcomeTest {

  @Autowired JobService jobs;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;

  private Map<String, String> params(Path input, String out, String year, String assessment) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toAbsolutePath().toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, tmp.resolve(out).resolve("out").toString());
    p.put(RunRequest.STATE, tmp.resolve(out).resolve("state").toString());
    p.put(RunRequest.YEAR, year);
    p.put(RunRequest.ASSESSMENT, assessment);
    p.put(RunRequest.MODE, "run");
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }

  /** Runs the job and returns what history says of that run, checking the run's own outcome. */
  private String run(Map<String, String> params, JobOutcome.Kind expected) {
    JobOutcome outcome = jobs.start(Requests.of(params));
    assertThat(outcome.kind()).as(outcome.message()).isEqualTo(expected);
    Map<String, Object> last =
        jdbc.queryForMap(
            "SELECT JOB_EXECUTION_ID id, STATUS status FROM BATCH_JOB_EXECUTION"
                + " WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)");
    return HistoryCommand.outcome(
        jdbc, ((Number) last.get("id")).longValue(), String.valueOf(last.get("status")));
  }

  private Path copyOfInput(String name) throws Exception {
    Path copy = Files.createDirectories(tmp.resolve(name));
    try (var files = Files.list(Path.of("input"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void aRunWithNothingToPublishIsSaidSoAlsoWhenStartedAgain() {
    Map<String, String> p = params(Path.of("input"), "nothing", "2019", "");

    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
  }

  /**
   * The same command started again redoes the validate step: when that fails, the run is a failure
   * (exit 1, resumed by starting it again), not the nothing to publish of the run before it.
   */
  @Test
  void aRestartThatFailsInAStepItRedoesIsAFailure() throws Exception {
    Map<String, String> p = params(Path.of("input"), "redo", "2019", "");
    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
    Path validation = Path.of(p.get(RunRequest.OUTPUT)).resolve("validation");
    try (var files = Files.list(validation)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(validation);
    Files.writeString(validation, "not a folder");

    assertThat(run(p, JobOutcome.Kind.FAILED)).startsWith("失败（步骤 validate）");
    Files.delete(validation);
    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
  }

  @Test
  void aRunWithBaseYearsOnlyIsSaidSoAlsoWhenStartedAgain() throws Exception {
    Path base = Files.createDirectories(tmp.resolve("base-years"));
    for (String f : new String[] {"nanchuan-2015.csv", "nanchuan-2020.csv"}) {
      Files.copy(Path.of("input").resolve(f), base.resolve(f));
    }
    Map<String, String> p = params(base, "base", "", "");

    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
    assertThat(run(p, JobOutcome.Kind.NOTHING_TO_PUBLISH)).isEqualTo("没有可发布的内容");
  }

  @Test
  void rejectedInputIsSaidSoAlsoWhenStartedAgain() throws Exception {
    Path bad = copyOfInput("bad");
    replace(
        bad.resolve("nanchuan-2021-sample.csv"),
        "500119,2021,RD_EXP,6.95,",
        "500119,2021,RD_EXP,6.9.5,");
    Map<String, String> p = params(bad, "invalid", "2021", "annual");

    assertThat(run(p, JobOutcome.Kind.INVALID)).isEqualTo("输入未通过校验");
    assertThat(run(p, JobOutcome.Kind.INVALID)).isEqualTo("输入未通过校验");
  }

  @Test
  void aRefusedRunIsSaidSoAlsoWhenStartedAgain() throws Exception {
    Path changed = copyOfInput("changed");
    replace(
        changed.resolve("nanchuan-2021-sample.csv"),
        "500119,2021,RD_EXP,6.95,",
        "500119,2021,RD_EXP,7.15,");

    assertThat(
            run(params(Path.of("input"), "refused", "2021", "annual"), JobOutcome.Kind.COMPLETED))
        .isEqualTo("完成");
    Map<String, String> p = params(changed, "refused", "2021", "annual");
    assertThat(run(p, JobOutcome.Kind.REFUSED)).isEqualTo("拒绝：数字与已发布版本不同");
    assertThat(run(p, JobOutcome.Kind.REFUSED)).isEqualTo("拒绝：数字与已发布版本不同");
  }

  @Test
  void aFailedRunNamesItsStepAndTheSameCommandThenCompletes() throws Exception {
    Map<String, String> p = params(Path.of("input"), "failed", "2021", "annual");
    Path out = Files.createDirectories(Path.of(p.get(RunRequest.OUTPUT)));
    Path blocker = Files.writeString(out.resolve("500119"), "not a folder");

    assertThat(run(p, JobOutcome.Kind.FAILED)).startsWith("失败（步骤 publish）");
    assertThat(run(p, JobOutcome.Kind.FAILED)).startsWith("失败（步骤 publish）");
    Files.delete(blocker);
    assertThat(run(p, JobOutcome.Kind.COMPLETED)).isEqualTo("完成");
  }

  @Autowired org.planreports.job.CityService city;

  /**
   * A city-wide run's job completes whatever its districts did: history says of it what its exit
   * code says, the most serious of its districts' outcomes, and of each district's run its own.
   */
  @Test
  void aCityRunIsSaidAsTheMostSeriousOfItsDistrictsOutcomes() throws Exception {
    Path fixture = org.planreports.testing.CityFixture.write(Path.of("."), tmp.resolve("city"), 3);
    Path file = fixture.resolve("input/nanchuan-2023-sample.csv");
    Files.writeString(
        file,
        Files.readString(file)
            .replaceFirst("(?m)^500102,2023,ENT_HNTE,[^,]*,", "500102,2023,ENT_HNTE,五十二,"));
    Path out = tmp.resolve("city-out");
    List<RunRequest> districts =
        org.planreports.testing.Requests.city(
            fixture, out, tmp.resolve("city-state"), 2023, "midterm");

    Map<String, JobOutcome> outcomes = city.start(districts, (region, line) -> {});

    assertThat(outcomes.get("500101").kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(outcomes.get("500102").kind()).isEqualTo(JobOutcome.Kind.INVALID);
    Map<String, Object> run =
        jdbc.queryForMap(
            "SELECT MAX(e.JOB_EXECUTION_ID) id FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'cityJob'");
    long id = ((Number) run.get("id")).longValue();
    String status =
        jdbc.queryForObject(
            "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, id);
    assertThat(HistoryCommand.outcome(jdbc, id, status)).isEqualTo("输入未通过校验");
  }
}
