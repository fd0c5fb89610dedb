package org.planreports.job;

import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.validation.CrossRowRules;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Derives every indicator of the plan's region from the staged items and stages the series as rows
 * of pr_derived_value, with the input figures of each value in pr_derived_source.
 */
@Component
@StepScope
class DeriveTasklet extends RunTasklet {

  private final StagedResults staged;

  DeriveTasklet(StateStore store, RunSettings settings, StagedResults staged) {
    super(store, settings);
    this.staged = staged;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runKey = PlanReportsJobConfig.runKey(chunk.getStepContext().getStepExecution());
    Plan plan = settings.plan();
    String region = plan.meta().regionCode();
    var values = CrossRowRules.check(store.staged(runKey)).values();
    staged.putDerived(runKey, region, IndicatorDeriver.derive(plan, region, values));
    return RepeatStatus.FINISHED;
  }
}
