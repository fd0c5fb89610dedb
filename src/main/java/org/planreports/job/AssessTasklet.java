package org.planreports.job;

import java.util.List;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.publication.PublicationKey;
import org.planreports.report.PublicationComposer;
import org.planreports.report.PublicationPlanner;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Decides which publications the data supports (narrowed by --year and --assessment), assesses
 * every target for each by METRICS.md and stages the publications (pr_run_publication) and their
 * assessed rows (pr_assessment) for the render step.
 */
@Component
@StepScope
class AssessTasklet extends RunTasklet {

  static final String MESSAGE = "assess.message";

  private final StagedResults staged;

  AssessTasklet(StateStore store, RunSettings settings, StagedResults staged) {
    super(store, settings);
    this.staged = staged;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Plan plan = settings.plan();
    IndicatorDeriver.Result derived = staged.derived(runKey, plan.meta().regionCode(), plan);
    List<PublicationKey> keys =
        PublicationPlanner.supported(plan, derived).stream().filter(settings::wants).toList();
    if (keys.isEmpty()) {
      step.getJobExecution()
          .getExecutionContext()
          .putString(
              MESSAGE,
              "输入数据不支持所要求的发布物（--year "
                  + settings.year()
                  + " --assessment "
                  + (settings.assessment() == null ? "全部" : settings.assessment().id())
                  + "）：该年份没有数据。");
      contribution.setExitStatus(new ExitStatus(JobParams.NOTHING_TO_PUBLISH));
      return RepeatStatus.FINISHED;
    }
    // Assessing needs no input file: only composing, in the render step, names them.
    PublicationComposer composer = new PublicationComposer(plan, derived, List.of());
    staged.clearAssessments(runKey);
    for (PublicationKey key : keys) {
      staged.putAssessments(runKey, key, composer.assess(key));
    }
    return RepeatStatus.FINISHED;
  }
}
