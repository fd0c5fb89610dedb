package org.planreports.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * A step of the run that works on the state database with the run's settings. As a listener it
 * hands the exit status it set (INVALID, REFUSED, …) on to the job flow.
 */
abstract class RunTasklet implements Tasklet, StepExecutionListener {

  protected final StateStore store;
  protected final RunSettings settings;

  RunTasklet(StateStore store, RunSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    return step.getExitStatus();
  }
}
