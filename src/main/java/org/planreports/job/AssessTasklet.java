package org.planreports.job;

import java.util.List;
import org.planreports.plan.Plan;
import org.planreports.publication.PublicationKey;
import org.planreports.report.PublicationComposer;
import org.planreports.report.PublicationContent;
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
 * every target for each by METRICS.md and stages each publication's content.
 */
@Component
@StepScope
class AssessTasklet extends RunTasklet {

  static final String PUBLICATION_PREFIX = "pub:";
  static final String MESSAGE = "assess.message";

  AssessTasklet(StateStore store, RunSettings settings) {
    super(store, settings);
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Plan plan = settings.plan();
    Derived derived = store.content(runKey, DeriveTasklet.DERIVED, Derived.class).orElseThrow();
    List<PublicationKey> keys =
        PublicationPlanner.supported(plan, derived.result()).stream()
            .filter(settings::wants)
            .toList();
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
    PublicationComposer composer =
        new PublicationComposer(plan, derived.result(), settings.inputSet().files());
    for (PublicationKey key : keys) {
      PublicationContent content = composer.compose(key);
      store.putContent(runKey, PUBLICATION_PREFIX + key.folderName(), content);
    }
    return RepeatStatus.FINISHED;
  }
}
