package org.planreports.job;

import java.util.List;
import org.planreports.core.Messages;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.UnexpectedJobExecutionException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.job.JobStep;

/**
 * A city-wide run's partition: Spring Batch's {@link JobStep} running one district's job (the main
 * job, or the validation job for a city-wide {@code validate}) with the parameters a
 * single-district command has — the city run's request narrowed to the partition's district ({@link
 * CityJobConfig#district}). The district job is started the way a single-district command starts
 * it, by {@link DistrictJobs}: under the district's lock, resumed when a killed run left it
 * STARTED, found done when it is done.
 *
 * <p>The district's outcome (done, refused, invalid, failed …) is the partition's exit status and
 * stays in its execution context, where the command and {@code history} read it. A district whose
 * job did not complete does not fail the partition: the others go on, and the city run's outcome is
 * each district's own. JobStep would raise it as a step failure; that is the one thing changed.
 */
class DistrictJobStep extends JobStep {

  private static final Messages WORDS = Messages.bundle("run");

  DistrictJobStep(JobRepository repo, Job job, DistrictJobs districts) {
    super(repo);
    setName("district");
    setJob(job);
    setJobOperator(districts);
    setJobParametersExtractor(
        (district, step) ->
            CityJobConfig.district(
                    RunRequest.from(step.getJobParameters()), step.getExecutionContext())
                .toJobParameters());
  }

  @Override
  protected void doExecute(StepExecution step) throws Exception {
    String region = step.getExecutionContext().getString(CityJobConfig.REGION);
    try {
      super.doExecute(step);
    } catch (UnexpectedJobExecutionException e) {
      // The district's job did not complete: its outcome, kept by DistrictJobs, says how.
    } catch (RuntimeException e) {
      // A district job that could not be started at all has its outcome already.
      if (JobOutcome.from(step.getExecutionContext()).isEmpty()) {
        LoggerFactory.getLogger(DistrictJobStep.class)
            .error(WORDS.get("run.log.district.failed", "region", region), e);
        JobOutcome.before(JobOutcome.Kind.FAILED, Failures.describe(e), List.of())
            .putInto(step.getExecutionContext());
      }
    }
    JobOutcome outcome =
        JobOutcome.from(step.getExecutionContext())
            .orElseGet(
                () ->
                    JobOutcome.before(
                        JobOutcome.Kind.FAILED, WORDS.get("run.district.not.run"), List.of()));
    step.setExitStatus(new ExitStatus(outcome.kind().name(), outcome.message()));
  }
}
