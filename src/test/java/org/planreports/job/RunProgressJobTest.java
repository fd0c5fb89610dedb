package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/** The progress listeners as the validation job calls them: every step said, with its counts. */
@SpringBatchTest
@SpringBootTest
class RunProgressJobTest {

  @Autowired JobOperatorTestUtils batch;
  @Autowired RunProgress progress;

  @Autowired
  @Qualifier(PlanReportsJobConfig.VALIDATE_JOB)
  Job validateJob;

  @TempDir Path tmp;

  @AfterEach
  void quiet() {
    progress.sendTo(ProgressSink.NONE);
  }

  @Test
  void shouldSayTheStepsOfARunWithTheRowsReadAndTheErrorsFound() throws Exception {
    List<String> said = new CopyOnWriteArrayList<>();
    progress.sendTo(said::add);
    batch.setJob(validateJob);
    Path input = Path.of("src/test/resources/fixtures/bad");

    JobExecution exec =
        batch.startJob(
            new JobParametersBuilder(batch.getUniqueJobParameters())
                .addString(RunRequest.INPUT, input.toAbsolutePath().toString())
                .addString(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest())
                .addString(RunRequest.OUTPUT, tmp.resolve("out").toString())
                .addString(RunRequest.STATE, tmp.resolve("state").toString())
                .addString(RunRequest.MODE, "validate")
                .toJobParameters());

    assertThat(exec.getStatus()).isEqualTo(BatchStatus.FAILED); // the bad fixtures: INVALID
    long rows = exec.getStepExecutions().iterator().next().getReadCount();
    long errors = exec.getExecutionContext().getLong(ValidateTasklet.ERRORS);
    assertThat(rows).isPositive();
    assertThat(errors).isPositive();
    assertThat(said.get(0)).isEqualTo("读取数据……");
    assertThat(said)
        .contains("读取数据：已读取 " + rows + " 行", "校验……")
        .endsWith("校验完毕：" + rows + " 行，" + errors + " 个错误");
  }
}
