package org.planreports.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
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
  private final Map<String, List<RunRequest>> districts = new ConcurrentHashMap<>();

  DistrictWork(JobService jobs, StateStore store, DistrictLocks locks) {
    this.jobs = jobs;
    this.store = store;
    this.locks = locks;
  }

  /** Where the lines a city run's districts print go while it runs. */
  void listen(String cityRun, List<RunRequest> requests, Consumer<String> lines) {
    districts.put(cityRun, List.copyOf(requests));
    say.put(cityRun, lines);
  }

  /** The districts of a city run started in this process. */
  List<RunRequest> districts(String cityRun) {
    return districts.getOrDefault(cityRun, List.of());
  }

  /** The outcome of each district of a city run, by region code; forgotten once read. */
  Map<String, JobOutcome> outcomes(String cityRun) {
    say.remove(cityRun);
    districts.remove(cityRun);
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
    String cityRun = step.getJobParameters().getString(CityService.CITY_RUN);
    String region = step.getExecutionContext().getString(CityJobConfig.REGION);
    RunRequest request =
        districts(cityRun).stream()
            .filter(d -> d.region().equals(region))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("城市运行 " + cityRun + " 中没有地区 " + region));
    Consumer<String> lines = say.getOrDefault(cityRun, line -> {});
    String name = region + " " + request.loadedPlan().meta().regionName();
    Consumer<String> said = line -> lines.accept(name + "：" + line);
    try (DistrictLocks.Lease lease = locks.acquire(region, said)) {
      return jobs.start(
          request.validateOnly(), request.params(store.publishedDigest(region)), said);
    }
  }
}
