package org.planreports.job;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * A city-wide run's partition: one district's main job. Not a tasklet step: the district's job
 * commits its own steps, which it cannot do inside a transaction of this step.
 */
class DistrictStep extends AbstractStep {

  private final DistrictWork work;

  DistrictStep(JobRepository repo, DistrictWork work) {
    super(repo);
    setName("district");
    this.work = work;
  }

  @Override
  protected void doExecute(StepExecution step) {
    work.run(step);
  }
}
