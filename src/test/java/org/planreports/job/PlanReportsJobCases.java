package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;
import org.planreports.testing.Requests;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The main job through Spring, on whichever database a subclass gives it: publish, run again on the
 * same input, refuse changed input and publish the correction on rerun. {@link PlanReportsJobTest}
 * runs these on H2, {@link PlanReportsJobPostgresTest} on PostgreSQL.
 */
@SpringBootTest
abstract class PlanReportsJobCases {

  @Autowired JobOperator operator;

  @Autowired
  @Qualifier(PlanReportsJobConfig.RUN_JOB)
  Job runJob;

  @Autowired JobService jobs;

  @TempDir Path tmp;

  private Map<String, String> params(String year, String assessment) {
    return params(Path.of("input"), year, assessment);
  }

  private Map<String, String> params(Path input, String year, String assessment) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toAbsolutePath().toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, tmp.resolve("out").toString());
    p.put(RunRequest.STATE, tmp.resolve("state").toString());
    p.put(RunRequest.YEAR, year);
    p.put(RunRequest.ASSESSMENT, assessment);
    p.put(RunRequest.MODE, "run");
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }

  @Test
  void shouldRunEveryStepTopDownAndPublishTheMidterm() throws Exception {
    JobParametersBuilder b = new JobParametersBuilder();
    params("2023", "midterm").forEach(b::addString);
    JobExecution exec = operator.start(runJob, b.toJobParameters());

    assertThat(exec.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(exec.getStepExecutions())
        .extracting(StepExecution::getStepName)
        .containsExactly("ingest", "validate", "derive", "assess", "render", "publish");
    StepExecution ingest = exec.getStepExecutions().iterator().next();
    assertThat(ingest.getReadCount()).isEqualTo(countDataLines());
    assertThat(ingest.getWriteCount()).isEqualTo(ingest.getReadCount());
    Path edition = tmp.resolve("out/500119/2023-midterm/edition-1");
    assertThat(edition.resolve("500119-2023-midterm.pdf")).isRegularFile();
    assertThat(edition.resolve("table2.csv")).isRegularFile();
    assertThat(edition.resolve("manifest.json")).isRegularFile();
    try (var files = Files.list(tmp.resolve("out/500119"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2023-midterm");
    }
  }

  @Test
  void shouldPublishNothingNewWhenRunAgainOnTheSameInput() {
    JobOutcome first = jobs.start(Requests.of(params("2022", "annual")));
    JobOutcome second = jobs.start(Requests.of(params("2022", "annual")));

    assertThat(first.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(first.published()).hasSize(1);
    assertThat(second.kind()).isEqualTo(JobOutcome.Kind.ALREADY_DONE);
  }

  @Test
  void shouldRefuseChangedInputAndPublishACorrectedEditionOnRerun() throws Exception {
    Path changed = Files.createDirectories(tmp.resolve("changed"));
    try (var files = Files.list(Path.of("input"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, changed.resolve(f.getFileName()));
      }
    }
    Path f = changed.resolve("nanchuan-2021-sample.csv");
    Files.writeString(
        f, Files.readString(f).replace("500119,2021,RD_EXP,6.95,", "500119,2021,RD_EXP,7.15,"));
    Path annual = tmp.resolve("out/500119/2021-annual");

    JobOutcome first = jobs.start(Requests.of(params("2021", "annual")));
    JobOutcome refused = jobs.start(Requests.of(params(changed, "2021", "annual")));
    Map<String, String> rerun = params(changed, "2021", "annual");
    rerun.put(RunRequest.MODE, "rerun");
    rerun.put(RunRequest.REASON, "2021年R&D经费支出经核定为7.15亿元");
    JobOutcome corrected = jobs.start(Requests.of(rerun));
    JobOutcome again = jobs.start(Requests.of(rerun));

    assertThat(first.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(refused.kind()).isEqualTo(JobOutcome.Kind.REFUSED);
    assertThat(refused.refused()).containsExactly(annual.resolve("edition-1").toString());
    assertThat(corrected.kind()).as(corrected.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(corrected.published()).containsExactly(annual.resolve("edition-2").toString());
    assertThat(annual.resolve("edition-2/manifest.json")).content().contains("7.15亿元");
    assertThat(again.kind()).isEqualTo(JobOutcome.Kind.ALREADY_DONE);
    assertThat(annual.resolve("edition-3")).doesNotExist();
  }

  @Autowired StateStore store;

  /** The publication as the job composes it from {@code input}, built without the job. */
  private static org.planreports.report.PublicationContent compose(Path input, String folder)
      throws Exception {
    org.planreports.plan.Plan plan = PlanLoader.loadDefault();
    InputSet in = InputSet.scan(input);
    org.planreports.validation.RowRules rules = new org.planreports.validation.RowRules(plan);
    java.util.List<org.planreports.validation.StagedValue> staged = new java.util.ArrayList<>();
    for (org.planreports.ingest.InputFile f : in.files()) {
      for (org.planreports.ingest.RawRow row :
          org.planreports.ingest.ExtractParser.parse(
              f.name(), Files.readAllBytes(f.path()), null)) {
        var checked = rules.check(row);
        if (checked.value() != null) {
          staged.add(checked.value());
        }
      }
    }
    var data =
        org.planreports.indicator.IndicatorDeriver.derive(
            plan,
            plan.meta().regionCode(),
            org.planreports.validation.CrossRowRules.check(staged).values());
    return new org.planreports.report.PublicationComposer(plan, data, in.files())
        .compose(org.planreports.plan.PublicationKey.parse(plan.meta().regionCode(), folder));
  }

  @Test
  void shouldCallAReSavedInputUnchangedAlsoAfterAnEditionRecordedByAnEarlierVersion()
      throws Exception {
    // The 2021 extract as Excel re-saves it: 6.95 → 6.950, 381.0 → 381 (the same values).
    Path resaved = Files.createDirectories(tmp.resolve("resaved"));
    try (var files = Files.list(Path.of("input"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, resaved.resolve(f.getFileName()));
      }
    }
    Path f = resaved.resolve("nanchuan-2021-sample.csv");
    Files.writeString(
        f,
        Files.readString(f)
            .replace("500119,2021,RD_EXP,6.95,", "500119,2021,RD_EXP,6.950,")
            .replace("500119,2021,GDP,381.0,", "500119,2021,GDP,381,"));
    assertThat(Files.readString(f)).contains("6.950,", "GDP,381,");
    JobOutcome first = jobs.start(Requests.of(params("2021", "annual")));
    assertThat(first.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    var content = compose(Path.of("input"), "2021-annual");
    String byValue =
        org.planreports.publication.FiguresDigest.of(content, java.util.Optional.empty());
    assertThat(store.figuresDigest(tmp.resolve("out").toRealPath(), "500119", "2021-annual", 1))
        .contains(byValue);
    // As an earlier version recorded it: the figures as written.
    String asWritten =
        org.planreports.publication.FiguresDigest.legacy(content, java.util.Optional.empty());
    store.putFiguresDigest(tmp.resolve("out").toRealPath(), "500119", "2021-annual", 1, asWritten);

    // The first run of the new version on the same input.
    Map<String, String> newVersion = params("2021", "annual");
    newVersion.put(RunRequest.TOOL_VERSION, "test-next");
    JobOutcome same = jobs.start(Requests.of(newVersion));

    String edition1 = tmp.resolve("out/500119/2021-annual/edition-1").toString();
    assertThat(same.kind()).as(same.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(same.published()).isEmpty();
    assertThat(same.unchanged()).containsExactly(edition1);
    assertThat(store.figuresDigest(tmp.resolve("out").toRealPath(), "500119", "2021-annual", 1))
        .contains(byValue);

    JobOutcome again = jobs.start(Requests.of(params(resaved, "2021", "annual")));

    assertThat(again.kind()).as(again.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(again.published()).isEmpty();
    assertThat(again.unchanged()).containsExactly(edition1);
    assertThat(tmp.resolve("out/500119/2021-annual/edition-2")).doesNotExist();
  }

  @Test
  void shouldSayWhenTheDataSupportsNoRequestedPublication() {
    JobOutcome outcome = jobs.start(Requests.of(params("2019", "")));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.NOTHING_TO_PUBLISH);
    assertThat(outcome.message())
        .contains("--year 2019", "输入数据的年份：2015、2020、2021、2022、2023")
        .doesNotContain("null");
    assertThat(tmp.resolve("out/500119")).doesNotExist();
  }

  @Test
  void shouldSayThatTheBaseYearsAloneGiveNothingToPublish() throws Exception {
    Path base = Files.createDirectories(tmp.resolve("base-years"));
    for (String f : new String[] {"nanchuan-2015.csv", "nanchuan-2020.csv"}) {
      Files.copy(Path.of("input").resolve(f), base.resolve(f));
    }

    JobOutcome outcome = jobs.start(Requests.of(params(base, "", "")));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.NOTHING_TO_PUBLISH);
    assertThat(outcome.message())
        .contains("没有基期2020年以后的数据", "2021–2025年", "输入数据的年份：2015、2020")
        .doesNotContain("null")
        .doesNotContain("--year");
    assertThat(tmp.resolve("out/500119")).doesNotExist();
  }

  @Test
  void shouldOnlyValidateInTheValidateJob() {
    JobOutcome outcome = jobs.start(Requests.validate(params("", "")));

    assertThat(outcome.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(outcome.validationErrors()).isZero();
    assertThat(tmp.resolve("out/validation/validation-report.csv")).isRegularFile();
    assertThat(tmp.resolve("out/500119")).doesNotExist();
  }

  private static long countDataLines() throws Exception {
    long n = 0;
    for (var f : InputSet.scan(Path.of("input")).files()) {
      n +=
          org.planreports.ingest.ExtractParser.parse(f.name(), Files.readAllBytes(f.path()), null)
              .size();
    }
    return n;
  }
}
