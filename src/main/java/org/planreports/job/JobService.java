package org.planreports.job;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.planreports.core.Messages;
import org.planreports.validation.ValidationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Starts the main or the validation job with explicit, identifying parameters (no incrementer): the
 * same command on the same input is the same job instance, so running it again after a crash
 * resumes it, and running it again after success publishes nothing new.
 */
@Service
public class JobService {

  private static final Messages WORDS = Messages.bundle("run");

  private static final Logger log = LoggerFactory.getLogger(JobService.class);

  private final JobOperator operator;
  private final Job runJob;
  private final Job validateJob;
  private final StateStore store;
  private final JobRepository repository;
  private final JdbcTemplate jdbc;

  JobService(
      JobOperator operator,
      JobRepository repository,
      @Qualifier(PlanReportsJobConfig.RUN_JOB) Job runJob,
      @Qualifier(PlanReportsJobConfig.VALIDATE_JOB) Job validateJob,
      StateStore store,
      JdbcTemplate jdbc) {
    this.operator = operator;
    this.runJob = runJob;
    this.validateJob = validateJob;
    this.store = store;
    this.repository = repository;
    this.jdbc = jdbc;
  }

  public JobOutcome start(RunRequest request) {
    return start(request, line -> {}).outcome();
  }

  /**
   * What starting a district's job gave: how it ended, and the job execution it ended in — the one
   * just run, or for a job found done the execution that completed it; none when the job could not
   * be started at all (the outcome says why).
   */
  public record Started(JobOutcome outcome, JobExecution execution) {}

  /**
   * Starts, resumes or finds done the job of {@code request}, telling {@code say} when it resumes
   * an interrupted run. What has been published for the district is read now (under the caller's
   * lock on it) and becomes part of the run's identity ({@link RunRequest#starting}).
   */
  public Started start(RunRequest request, Consumer<String> say) {
    RunRequest starting =
        request.starting(
            request.region() == null
                ? null
                : store.publishedDigest(request.output(), request.region()));
    JobParameters jobParameters = starting.toJobParameters();
    Job job = jobOf(request);
    try {
      recoverKilledRun(job, jobParameters, say);
      JobExecution exec = operator.start(job, jobParameters);
      if (exec.getStatus() == BatchStatus.COMPLETED) {
        // The raw rows were only for validating and deriving, both done: a large extract's rows
        // must not stay in the state database until the next run (DeriveTasklet, ValidateTasklet).
        store.dropStaged(exec.getJobInstance().getInstanceId());
      }
      return new Started(outcome(exec, request.validation()), exec);
    } catch (JobInstanceAlreadyCompleteException e) {
      String region = request.region();
      // This output folder's editions, and only those on disk: a run names no edition that is
      // not there (one found missing changes the run's identity, see publishedDigest).
      List<String> editions =
          store.allEditions(request.output()).stream()
              .filter(ed -> region == null || ed.region().equals(region))
              .map(StateStore.Edition::folder)
              .filter(f -> java.nio.file.Files.isDirectory(Path.of(f)))
              .toList();
      return new Started(
          JobOutcome.before(JobOutcome.Kind.ALREADY_DONE, "", editions),
          repository.getLastJobExecution(job.getName(), jobParameters));
    } catch (Exception e) {
      log.error(WORDS.get("run.log.not.started"), e);
      return new Started(
          JobOutcome.before(JobOutcome.Kind.FAILED, Failures.describe(e), List.of()), null);
    }
  }

  /** The job a request runs: the validation job for {@code validate}, else the main job. */
  public Job jobOf(RunRequest request) {
    return request.validateOnly() ? validateJob : runJob;
  }

  /**
   * A run killed with kill -9 or by a power cut leaves its execution STARTED in the job repository,
   * and Spring Batch refuses to restart a running execution. The caller holds the state folder's
   * lock, so no other process can be running it: the execution is stale and is marked FAILED, which
   * lets the same command resume it from the step that was interrupted.
   */
  private void recoverKilledRun(Job job, JobParameters params, Consumer<String> say) {
    JobInstance instance = repository.getJobInstance(job.getName(), params);
    if (instance == null) {
      return;
    }
    if (repository.getJobExecutions(instance).isEmpty()) {
      // Killed after Spring Batch saved the job instance and before its first execution: nothing
      // ran, and Spring Batch cannot restart an instance without one. It is started afresh.
      log.info(WORDS.get("run.log.orphan.instance", "instance", instance.getInstanceId()));
      repository.deleteJobInstance(instance);
      return;
    }
    JobExecution last = repository.getLastJobExecution(instance);
    if (last != null && last.isRunning()) {
      String resuming = WORDS.get("run.resuming", "run", last.getId());
      log.info(resuming);
      say.accept(resuming);
      operator.recover(last);
    }
  }

  private JobOutcome outcome(JobExecution exec, Path validation) {
    ExecutionContext ctx = exec.getExecutionContext();
    // A flow that ends with fail() leaves the job's exit code FAILED: the step says why, read as
    // history reads it (RunEnds), also when that step was finished by an earlier run.
    JobOutcome.Kind kind = RunEnds.read(jdbc, exec.getId(), exec.getStatus().name()).kind();
    List<Throwable> failures = exec.getAllFailureExceptions();
    // The whole trace goes to the log file; the operator reads the first cause in one sentence.
    failures.forEach(t -> log.error(WORDS.get("run.log.failed", "run", exec.getId()), t));
    String message =
        kind == JobOutcome.Kind.NOTHING_TO_PUBLISH
            ? ctx.getString(AssessTasklet.MESSAGE, "")
            : kind == JobOutcome.Kind.STALE
                ? ctx.getString(PublishTasklet.STALE, "")
                : kind == JobOutcome.Kind.COMPLETED
                        && !ctx.getString(PublishTasklet.UNREVIEWED, "").isEmpty()
                    ? ctx.getString(PublishTasklet.UNREVIEWED)
                    : failures.isEmpty()
                        ? exec.getExitStatus().getExitDescription()
                        : Failures.describe(failures.get(0));
    return new JobOutcome(
        kind,
        message,
        ctx.containsKey(ValidateTasklet.SUMMARY) ? ctx.getString(ValidateTasklet.SUMMARY) : null,
        ctx.containsKey(ValidateTasklet.ERRORS) ? ctx.getLong(ValidateTasklet.ERRORS) : 0,
        ctx.getString(ValidateTasklet.LINES, ""),
        validation.resolve(ValidationReport.TEXT).toString(),
        JobOutcome.lines(ctx.getString(PublishTasklet.PUBLISHED, "")),
        JobOutcome.lines(ctx.getString(PublishTasklet.UNCHANGED, "")),
        JobOutcome.lines(ctx.getString(PublishTasklet.REFUSED, "")),
        List.of(),
        JobOutcome.lines(ctx.getString(RenderTasklet.CORRECTIONS, "")));
  }
}
