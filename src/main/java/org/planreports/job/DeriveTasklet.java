package org.planreports.job;

import java.util.TreeMap;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.validation.CrossRowRules;
import org.planreports.validation.StagedValue;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Derives every indicator of the plan's region from the staged items and stages the series. */
@Component
@StepScope
class DeriveTasklet extends RunTasklet {

  static final String DERIVED = "derived";

  DeriveTasklet(StateStore store, RunSettings settings) {
    super(store, settings);
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runKey = PlanReportsJobConfig.runKey(chunk.getStepContext().getStepExecution());
    Plan plan = settings.plan();
    var values = CrossRowRules.check(store.staged(runKey)).values();
    IndicatorDeriver.Result result =
        IndicatorDeriver.derive(plan, plan.meta().regionCode(), values);
    TreeMap<String, String> sources = new TreeMap<>();
    for (StagedValue v : values) {
      if (v.source() != null && !v.source().isBlank()) {
        sources.putIfAbsent(v.file(), v.source());
      }
    }
    store.putContent(runKey, DERIVED, new Derived(result, sources));
    return RepeatStatus.FINISHED;
  }
}
