package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/** The ingest and validate steps on their own, as the job runs them. */
@SpringBatchTest
@SpringBootTest
class IngestStepTest {

  @Autowired JobOperatorTestUtils batch;

  @Autowired StateStore store;

  @Autowired
  @Qualifier(PlanReportsJobConfig.RUN_JOB)
  Job runJob;

  @BeforeEach
  void useTheMainJob() {
    batch.setJob(runJob);
  }

  @TempDir Path tmp;

  private JobParametersBuilder params(Path input) {
    return new JobParametersBuilder(batch.getUniqueJobParameters())
        .addString(RunRequest.INPUT, input.toAbsolutePath().toString())
        .addString(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest())
        .addString(RunRequest.OUTPUT, tmp.resolve("out").toString())
        .addString(RunRequest.STATE, tmp.resolve("state").toString())
        .addString(RunRequest.MODE, "run");
  }

  @Test
  void shouldStageEveryRowOfTheBundledExtracts() {
    JobExecution exec =
        batch.startStep(
            "ingest", params(Path.of("input")).toJobParameters(), new ExecutionContext());

    StepExecution step = exec.getStepExecutions().iterator().next();
    assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    long runKey = exec.getJobInstance().getInstanceId();
    assertThat(store.staged(runKey)).hasSize((int) step.getWriteCount());
    assertThat(store.staged(runKey))
        .anySatisfy(
            v -> {
              assertThat(v.item()).isEqualTo("ENT_HNTE");
              assertThat(v.year()).isEqualTo(2023);
              assertThat(v.value()).isEqualByComparingTo("52");
              assertThat(v.sample()).isTrue();
            });
    assertThat(store.findings(runKey)).isEmpty();
    assertThat(step.getExecutionContext().getInt("ingest.file")).isEqualTo(5);
  }

  @Test
  void shouldStageFindingsOfABadFileWithoutStoppingTheIngest() {
    Path input = Path.of("src/test/resources/fixtures/bad");
    JobExecution exec =
        batch.startStep("ingest", params(input).toJobParameters(), new ExecutionContext());

    assertThat(exec.getStepExecutions().iterator().next().getStatus())
        .isEqualTo(BatchStatus.COMPLETED);
    long runKey = exec.getJobInstance().getInstanceId();
    assertThat(store.findings(runKey)).anySatisfy(f -> assertThat(f.code()).isEqualTo("E_NUMBER"));
  }
}
