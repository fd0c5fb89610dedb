package org.planreports.job;

import java.util.List;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
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
              MESSAGE, nothingToPublish(plan, settings.year(), settings.assessment(), derived));
      contribution.setExitStatus(new ExitStatus(JobParams.NOTHING_TO_PUBLISH));
      return RepeatStatus.FINISHED;
    }
    // Assessing needs no input file: only composing, in the render step, names them.
    PublicationComposer composer = new PublicationComposer(plan, derived, List.of());
    staged.clearAssessments(runKey);
    java.util.Map<
            PublicationKey, java.util.Map<String, List<org.planreports.assessment.AssessedRow>>>
        assessed = new java.util.HashMap<>();
    for (PublicationKey key : keys) {
      assessed.put(key, composer.assess(key));
      staged.putAssessments(runKey, key, assessed.get(key));
    }
    // The office's commentary is checked against the figures each publication prints.
    if (CommentaryCheck.record(
        store,
        settings,
        runKey,
        step,
        CommentaryCheck.findings(
            composer,
            settings.input(),
            PublicationPlanner.supported(plan, derived),
            keys,
            assessed::get))) {
      contribution.setExitStatus(new ExitStatus(JobParams.INVALID));
    }
    return RepeatStatus.FINISHED;
  }

  /**
   * Why nothing can be published, in words without a "null" for what was not asked: the year or
   * publication asked has no data, or (nothing asked) the input holds only the base year and
   * earlier, which serve as baselines but are no publication's year. Names the years the data has.
   */
  static String nothingToPublish(
      Plan plan, Integer year, PublicationType assessment, IndicatorDeriver.Result derived) {
    Wording w = Wording.zh();
    var meta = plan.meta();
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
    derived.series().values().forEach(s -> years.addAll(s.keySet()));
    String held =
        years.isEmpty()
            ? w.get("input.nothing.empty", "region", meta.regionCode() + " " + meta.regionName())
            : w.get(
                "input.nothing.held",
                "years",
                String.join(w.get("list.enum"), years.stream().map(String::valueOf).toList()));
    if (year == null && assessment == null) {
      PublicationYears bounds = PublicationYears.of(plan);
      return w.get(
          "input.nothing.all",
          "base",
          bounds.base(),
          "first",
          bounds.first(),
          "final",
          bounds.last(),
          "held",
          held);
    }
    String asked =
        ((year == null ? "" : "--year " + year + " ")
                + (assessment == null ? "" : "--assessment " + assessment.id()))
            .strip();
    return w.get("input.nothing.asked", "asked", asked, "held", held);
  }
}
