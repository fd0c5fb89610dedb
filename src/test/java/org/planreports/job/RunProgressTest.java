package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** The words of the run's progress, said to a fake sink as the job's listeners are called. */
class RunProgressTest {

  private final List<String> said = new ArrayList<>();
  private final RunProgress progress = new RunProgress();

  {
    progress.sendTo(said::add);
  }

  private static StepExecution step(String name, String region) {
    JobExecution job =
        MetaDataInstanceFactory.createJobExecution(
            "planReportsJob",
            1L,
            1L,
            new JobParametersBuilder().addString(RunRequest.REGION, region).toJobParameters());
    return MetaDataInstanceFactory.createStepExecution(job, name, 2L);
  }

  @Test
  void shouldSayEachStepWithItsCountsInWords() {
    StepExecution ingest = step("ingest", "500119");
    progress.beforeStep(ingest);
    progress.afterChunk(new Chunk<>(List.of(1, 2, 3)));
    progress.afterChunk(new Chunk<>(List.of(4, 5)));
    ingest.setReadCount(5);
    progress.afterStep(ingest);
    StepExecution validate = step("validate", "500119");
    validate.getJobExecution().getExecutionContext().putLong(ValidateTasklet.ERRORS, 2);
    validate.getJobExecution().addStepExecution(ingest);
    progress.beforeStep(validate);
    progress.afterStep(validate);
    StepExecution render = step("render", "500119");
    progress.beforeStep(render);
    for (int k = 0; k < 3; k++) {
      RunProgress.rendered(k, 3);
    }
    progress.afterStep(render);
    RunProgress.rendered(3, 3); // outside a step: nothing

    assertThat(said)
        .containsExactly(
            "读取数据……",
            "读取数据：已读取 3 行",
            "读取数据：已读取 5 行",
            "读取数据：已读取 5 行",
            "校验……",
            "校验完毕：5 行，2 个错误",
            "生成发布物……",
            "生成发布物：0/3",
            "生成发布物：1/3",
            "生成发布物：2/3",
            "生成发布物完毕");
  }

  @Test
  void shouldNameTheDistrictAndCountTheDistrictsDoneInACityRun() {
    progress.beforeJob(MetaDataInstanceFactory.createJobExecution());
    StepExecution assess = step("assess", "500101");
    progress.beforeStep(assess);
    progress.afterStep(assess);
    for (String region : List.of("500101", "500102")) {
      ExecutionContext partition = new ExecutionContext();
      partition.putString(CityJobConfig.REGION, region);
      progress
          .districts()
          .afterStep(
              MetaDataInstanceFactory.createStepExecution(
                  new JobParametersBuilder()
                      .addString(CityJobConfig.DISTRICTS, "2")
                      .toJobParameters(),
                  partition));
    }

    assertThat(said)
        .containsExactly(
            "地区 500101 评估……", "地区 500101 评估完毕", "地区已完成 1/2（刚完成：500101）", "地区已完成 2/2（刚完成：500102）");
  }

  @Test
  void shouldSayNothingWithoutASink() {
    RunProgress quiet = new RunProgress();
    StepExecution derive = step("derive", "500119");
    quiet.beforeStep(derive);
    quiet.afterStep(derive);
    progress.sendTo(null);
    progress.beforeStep(derive);

    assertThat(said).isEmpty();
  }
}
