package org.planreports.job;

import java.nio.file.Path;
import org.planreports.ingest.ExtractReader;
import org.planreports.ingest.RawRow;
import org.planreports.validation.RowRules;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The main job, top-down as the data travels: ingest → validate → derive → assess → render →
 * publish. {@code validateJob} is its first two steps. Invalid input ends the job FAILED with exit
 * status INVALID; a publication that exists from other input ends it FAILED with REFUSED.
 */
@Configuration
@EnableConfigurationProperties(PlanReportsProperties.class)
class PlanReportsJobConfig {

  static final String RUN_JOB = "planReportsJob";
  static final String VALIDATE_JOB = "validateJob";
  private static final String FAILED = "FAILED";

  @Bean
  Job planReportsJob(
      JobRepository repo,
      Step ingest,
      Step validate,
      Step derive,
      Step assess,
      Step render,
      Step publish) {
    // A step that throws ends the job FAILED, to be resumed from that step by the same command;
    // only the exit statuses a step sets on purpose (INVALID, NOTHING_TO_PUBLISH, REFUSED) say
    // why it ended early, and only COMPLETED goes on.
    return new JobBuilder(RUN_JOB, repo)
        .listener(dropPreparedFiles())
        .start(ingest)
        .on(FAILED)
        .fail()
        .from(ingest)
        .on("*")
        .to(validate)
        .on(JobParams.INVALID)
        .fail()
        .from(validate)
        .on(FAILED)
        .fail()
        .from(validate)
        .on("*")
        .to(derive)
        .on(FAILED)
        .fail()
        .from(derive)
        .on("*")
        .to(assess)
        .on(JobParams.NOTHING_TO_PUBLISH)
        .fail()
        .from(assess)
        .on(JobParams.INVALID)
        .fail()
        .from(assess)
        .on(FAILED)
        .fail()
        .from(assess)
        .on("*")
        .to(render)
        .on(FAILED)
        .fail()
        .from(render)
        .on("*")
        .to(publish)
        .on(JobParams.REFUSED)
        .fail()
        .from(publish)
        .on(JobParams.STALE)
        .fail()
        .from(publish)
        .on(FAILED)
        .fail()
        .from(publish)
        .on("*")
        .end()
        .end()
        .build();
  }

  /**
   * The files a run prepared are deleted however it ends (completed, refused, rejected or failed):
   * unreleased figures are kept nowhere longer than the run. A run resumed after a failure renders
   * them again (the render step is redone on every restart and gives the same bytes).
   */
  private static org.springframework.batch.core.listener.JobExecutionListener dropPreparedFiles() {
    return new org.springframework.batch.core.listener.JobExecutionListener() {
      @Override
      public void afterJob(org.springframework.batch.core.job.JobExecution job) {
        String work = job.getJobParameters().getString(RunRequest.WORK);
        if (work != null && !work.isBlank()) {
          org.planreports.publication.AtomicFiles.deleteTree(
              Path.of(work).resolve(String.valueOf(job.getJobInstance().getInstanceId())));
        }
      }
    };
  }

  @Bean
  Job validateJob(JobRepository repo, Step ingest, Step validate) {
    return new JobBuilder(VALIDATE_JOB, repo)
        .listener(dropPreparedFiles())
        .start(ingest)
        .on(FAILED)
        .fail()
        .from(ingest)
        .on("*")
        .to(validate)
        .on(JobParams.INVALID)
        .fail()
        .from(validate)
        .on(FAILED)
        .fail()
        .from(validate)
        .on("*")
        .end()
        .end()
        .build();
  }

  @Bean
  Step ingest(
      JobRepository repo,
      PlatformTransactionManager tm,
      ExtractReader extractReader,
      RowRules rowRules,
      StagingWriter stagingWriter,
      PlanReportsProperties properties,
      RunProgress progress) {
    return new StepBuilder("ingest", repo)
        .<RawRow, RowRules.Checked>chunk(properties.chunkSize())
        .transactionManager(tm)
        .reader(extractReader)
        .processor(rowRules::check)
        .writer(stagingWriter)
        .listener(stagingWriter)
        .listener((org.springframework.batch.core.listener.StepListener) progress)
        .build();
  }

  @Bean
  Step validate(
      JobRepository repo,
      PlatformTransactionManager tm,
      ValidateTasklet tasklet,
      RunProgress progress) {
    // Always redone on a restart (it is cheap): the report in <output>/validation/ is then the one
    // of this run even when a run on other input wrote there in between.
    return tasklet("validate", repo, tm, tasklet, progress).allowStartIfComplete(true).build();
  }

  @Bean
  Step derive(
      JobRepository repo,
      PlatformTransactionManager tm,
      DeriveTasklet tasklet,
      RunProgress progress) {
    return tasklet("derive", repo, tm, tasklet, progress).build();
  }

  @Bean
  Step assess(
      JobRepository repo,
      PlatformTransactionManager tm,
      AssessTasklet tasklet,
      RunProgress progress) {
    return tasklet("assess", repo, tm, tasklet, progress).build();
  }

  @Bean
  Step render(
      JobRepository repo,
      PlatformTransactionManager tm,
      RenderTasklet tasklet,
      RunProgress progress) {
    // Redone on every restart: the prepared files are deleted when a run ends, however it ends.
    return tasklet("render", repo, tm, tasklet, progress).allowStartIfComplete(true).build();
  }

  @Bean
  Step publish(
      JobRepository repo,
      PlatformTransactionManager tm,
      PublishTasklet tasklet,
      RunProgress progress) {
    return tasklet("publish", repo, tm, tasklet, progress).build();
  }

  private static org.springframework.batch.core.step.builder.TaskletStepBuilder tasklet(
      String name,
      JobRepository repo,
      PlatformTransactionManager tm,
      RunTasklet tasklet,
      RunProgress progress) {
    return new StepBuilder(name, repo)
        .tasklet(tasklet, tm)
        .listener(tasklet)
        .listener((org.springframework.batch.core.listener.StepExecutionListener) progress);
  }

  // Not proxied (a record cannot be): only step-scoped beans, created inside the step, use it.
  @Bean
  @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
  RunSettings runSettings(
      @Value("#{stepExecution.jobParameters}") JobParameters parameters, RunInputs inputs) {
    return new RunSettings(RunRequest.from(parameters), inputs);
  }

  @Bean
  @StepScope
  ExtractReader extractReader(RunSettings settings) {
    return new ExtractReader(settings.inputSet(), settings.charset());
  }

  @Bean
  @StepScope
  RowRules rowRules(RunSettings settings) {
    return new RowRules(settings.plan());
  }

  /** Run key: the job instance id, which a restarted run shares with the run it resumes. */
  static long runKey(StepExecution step) {
    return step.getJobExecution().getJobInstance().getInstanceId();
  }
}
