package org.planreports.job;

import java.util.ArrayList;
import java.util.List;
import org.planreports.core.Finding;
import org.planreports.core.Messages;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.publication.AtomicFiles;
import org.planreports.validation.CrossRowRules;
import org.planreports.validation.RegionCoverage;
import org.planreports.validation.ValidationReport;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Applies the rules across rows (duplicates, direct values against their components), writes the
 * validation report with every finding of the run, and stops the job on any error.
 */
@Component
@StepScope
class ValidateTasklet extends RunTasklet {

  private static final Messages WORDS = Messages.bundle("run");

  static final List<String> CROSS_ROW_CODES =
      List.of(
          "W_DUPLICATE",
          "E_CONFLICT",
          "W_DIRECT_DISAGREES",
          "E_NO_INPUT",
          "E_ZERO_DENOMINATOR",
          "W_REGION_OTHER",
          "E_REGION_NONE");
  static final String SUMMARY = "validation.summary";
  static final String ERRORS = "validation.errors";
  static final String LINES = "validation.lines";

  ValidateTasklet(StateStore store, RunSettings settings) {
    super(store, settings);
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Plan plan = settings.plan();
    CrossRowRules.Result cross = CrossRowRules.check(store.staged(runKey));
    List<Finding> added = new ArrayList<>(cross.findings());
    added.addAll(
        IndicatorDeriver.derive(plan, plan.meta().regionCode(), cross.values()).warnings());
    added.addAll(RegionCoverage.check(plan, store.regionRows(runKey)));
    if (settings.inputSet().files().isEmpty()) {
      added.add(
          Finding.error(
              "E_NO_INPUT",
              settings.input().toString(),
              0,
              "",
              "",
              WORDS.get("run.input.empty"),
              WORDS.get("run.input.empty.expected")));
    }
    store.deleteFindings(runKey, CROSS_ROW_CODES);
    // A derived value out of range is an E_RANGE like a row's: on a redone validation it is
    // already there (E_RANGE is not deleted above, for the rows' sake).
    java.util.Set<Finding> present = new java.util.HashSet<>(store.findings(runKey));
    added.removeIf(present::contains);
    store.insertFindings(runKey, added);
    ValidationReport report = new ValidationReport(store.findings(runKey));
    for (var target : List.of(settings.validation(), settings.work(runKey).resolve("validation"))) {
      AtomicFiles.write(target.resolve(ValidationReport.CSV), report.csv());
      AtomicFiles.write(target.resolve(ValidationReport.TEXT), report.text());
    }
    var jobContext = step.getJobExecution().getExecutionContext();
    jobContext.putString(SUMMARY, report.summary());
    jobContext.putLong(ERRORS, report.errors());
    jobContext.putString(
        LINES,
        String.join("\n", report.findings().stream().limit(30).map(Finding::oneLine).toList())
            + (report.findings().size() > 30
                ? "\n" + WORDS.get("run.validation.more", "count", report.findings().size())
                : ""));
    if (report.errors() > 0) {
      contribution.setExitStatus(new ExitStatus(JobParams.INVALID));
    }
    return RepeatStatus.FINISHED;
  }
}
