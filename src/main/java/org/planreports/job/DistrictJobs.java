package org.planreports.job;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The job operator of a city run's {@link DistrictJobStep}s: starts a district's job as a
 * single-district command does ({@link DistrictRunner}: the district's lock, its folder reconciled
 * with a shared state, a killed run recovered and resumed, a job found done reported as done), in
 * the partition's own thread, and keeps the district's outcome in the partition's execution context
 * — including the failure the operator's one-sentence message is made of, which the job repository
 * does not keep.
 */
class DistrictJobs extends TaskExecutorJobOperator {

  private final DistrictRunner runner;
  private final JobService jobs;
  private final DistrictLines lines;

  DistrictJobs(
      JobRepository repository, DistrictRunner runner, JobService jobs, DistrictLines lines)
      throws Exception {
    this.runner = runner;
    this.jobs = jobs;
    this.lines = lines;
    setJobRepository(repository);
    setJobRegistry(new MapJobRegistry());
    setTaskExecutor(new SyncTaskExecutor());
    afterPropertiesSet();
  }

  /**
   * Runs the district's job; {@code parameters} are the district's request. Called by JobStep in
   * the partition's step, whose context gets the outcome.
   */
  @Override
  public JobExecution start(Job job, JobParameters parameters) {
    RunRequest district = RunRequest.from(parameters);
    if (!jobs.jobOf(district).getName().equals(job.getName())) {
      throw new IllegalStateException(
          "district job " + job.getName() + " does not run mode " + district.mode().id());
    }
    var step = StepSynchronizationManager.getContext().getStepExecution();
    JobService.Started started = runner.start(district, line -> lines.say(district.region(), line));
    started.outcome().putInto(step.getExecutionContext());
    if (started.execution() == null) {
      throw new IllegalStateException(started.outcome().message());
    }
    return started.execution();
  }
}
