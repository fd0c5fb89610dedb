package org.planreports.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * What one partition of a city-wide run does: takes the district's lock, and runs (or resumes, or
 * finds done) the district's main job with the parameters a single-district run of the same plan,
 * input and output would have. Its outcome is the partition's exit status and is kept for the
 * summary the command prints.
 */
@Component
class DistrictWork {

  private final JobService jobs;
  private final StateStore store;
  private final DistrictLocks locks;
  private final Map<String, Map<String, JobOutcome>> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Consumer<String>> say = new ConcurrentHashMap<>();

  DistrictWork(JobService jobs, StateStore store, DistrictLocks locks) {
    this.jobs = jobs;
    this.store = store;
    this.locks = locks;
  }

  /** Where the lines a city run's districts print go while it runs. */
  void listen(String cityRun, Consumer<String> lines) {
    say.put(cityRun, lines);
  }

  /** The outcome of each district of a city run, by region code; forgotten once read. */
  Map<String, JobOutcome> outcomes(String cityRun) {
    say.remove(cityRun);
    Map<String, JobOutcome> done = outcomes.remove(cityRun);
    return done == null ? Map.of() : done;
  }

  void run(StepExecution step) {
    String cityRun = step.getJobParameters().getString(CityService.CITY_RUN);
    String region = step.getExecutionContext().getString(CityJobConfig.REGION);
    JobOutcome outcome;
    try {
      outcome = runDistrict(step);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(DistrictWork.class).error("地区 {} 的作业失败", region, e);
      outcome = JobOutcome.before(JobOutcome.Kind.FAILED, Failures.describe(e), List.of());
    }
    outcomes.computeIfAbsent(cityRun, k -> new ConcurrentHashMap<>()).put(region, outcome);
    step.setExitStatus(new ExitStatus(outcome.kind().name(), outcome.message()));
  }

  private JobOutcome runDistrict(StepExecution step) {
    JobParameters p = step.getJobParameters();
    ExecutionContext ctx = step.getExecutionContext();
    String region = ctx.getString(CityJobConfig.REGION);
    String planFile = ctx.getString(CityJobConfig.PLAN_FILE);
    Plan plan =
        RunInputs.plan(
            planFile,
            ctx.getString(CityJobConfig.PLAN_DIGEST),
            () ->
                planFile.isEmpty() ? PlanLoader.loadDefault() : PlanLoader.load(Path.of(planFile)));
    Path input = Path.of(p.getString(JobParams.INPUT));
    InputSet set =
        RunInputs.inputSet(input, p.getString(JobParams.INPUT_DIGEST), () -> InputSet.scan(input));
    Path output = Path.of(p.getString(JobParams.OUTPUT));
    String year = p.getString(JobParams.YEAR, "");
    RunRequest request =
        new RunRequest(
            p.getString(JobParams.MODE),
            input,
            set,
            output,
            Path.of(p.getString(JobParams.STATE)),
            planFile.isEmpty() ? null : Path.of(planFile),
            plan,
            year.isEmpty() ? null : Integer.valueOf(year),
            blankToNull(p.getString(JobParams.ASSESSMENT, "")),
            blankToNull(p.getString(JobParams.REASON, "")),
            blankToNull(p.getString(JobParams.ENCODING, "")),
            p.getString(JobParams.TOOL_VERSION),
            output.resolve("validation").resolve(region),
            Path.of(p.getString(JobParams.WORK)));
    String cityRun = p.getString(CityService.CITY_RUN);
    Consumer<String> lines = say.getOrDefault(cityRun, line -> {});
    String name = region + " " + plan.meta().regionName();
    Consumer<String> said = line -> lines.accept(name + "：" + line);
    try (DistrictLocks.Lease lease = locks.acquire(region, said)) {
      return jobs.start(
          request.validateOnly(), request.params(store.publishedDigest(region)), said);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
