package org.planreports.job;

import java.util.List;
import org.planreports.core.Messages;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * A city-wide run's partition: one district's main job, started with the request of the city run
 * (its job parameters) narrowed to the district (the partition's context). Not a tasklet step: the
 * district's job commits its own steps, which it cannot do inside a transaction of this step. The
 * district's outcome is the partition's exit status and stays in its execution context, where the
 * command reads it.
 *
 * <p>Not Spring Batch's {@code JobStep}: a partition must start the same way a single-district
 * command does ({@link DistrictRunner}, {@link JobService#start}). JobStep runs one fixed job (a
 * city-wide {@code validate} runs the validation job); it calls {@code JobOperator.start} directly,
 * so a district killed with kill -9 (its execution left STARTED) would fail instead of being
 * recovered and resumed, and a district already done would fail instead of being found done; and it
 * drops the district's job execution, whose failure exceptions (not kept in the repository) are
 * what the operator's one-sentence cause is made of.
 */
class DistrictStep extends AbstractStep {

  private static final Messages WORDS = Messages.bundle("run");

  private final DistrictRunner runner;
  private final DistrictLines lines;

  DistrictStep(JobRepository repo, DistrictRunner runner, DistrictLines lines) {
    super(repo);
    setName("district");
    this.runner = runner;
    this.lines = lines;
  }

  @Override
  protected void doExecute(StepExecution step) {
    String region = step.getExecutionContext().getString(CityJobConfig.REGION);
    JobOutcome outcome;
    try {
      RunRequest district =
          CityJobConfig.district(
              RunRequest.from(step.getJobParameters()), step.getExecutionContext());
      outcome = runner.run(district, line -> lines.say(region, line));
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(DistrictStep.class)
          .error(WORDS.get("run.log.district.failed", "region", region), e);
      outcome = JobOutcome.before(JobOutcome.Kind.FAILED, Failures.describe(e), List.of());
    }
    outcome.putInto(step.getExecutionContext());
    step.setExitStatus(new ExitStatus(outcome.kind().name(), outcome.message()));
  }
}
