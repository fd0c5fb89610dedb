package org.planreports.job;

import java.nio.file.Path;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan and the input set of a run, loaded and hashed once per job execution rather than by
 * every step that asks: a bean of the job's scope, so nothing outlives the run and the districts of
 * a city-wide run, each its own job, each have their own.
 */
@Component
@JobScope
class RunInputs {

  private final RunRequest request;
  private Plan plan;
  private InputSet inputSet;

  RunInputs(@Value("#{jobExecution.jobParameters}") JobParameters parameters) {
    this.request = RunRequest.from(parameters);
  }

  synchronized Plan plan() {
    if (plan == null) {
      Path file = request.plan();
      plan = file == null ? PlanLoader.loadDefault() : PlanLoader.load(file);
    }
    return plan;
  }

  synchronized InputSet inputSet() {
    if (inputSet == null) {
      inputSet = InputSet.scan(request.input());
    }
    return inputSet;
  }
}
