package org.planreports.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.planreports.publication.AtomicFiles;
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
public class DistrictWork {

  private final JobService jobs;
  private final StateStore store;
  private final DistrictLocks locks;
  private final PublicationHistory history;
  private final Map<String, Map<String, JobOutcome>> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Consumer<String>> say = new ConcurrentHashMap<>();
  private final Map<String, List<RunRequest>> districts = new ConcurrentHashMap<>();

  DistrictWork(JobService jobs, StateStore store, DistrictLocks locks, PublicationHistory history) {
    this.jobs = jobs;
    this.history = history;
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
    return run(request, line -> lines.accept(name + "：" + line));
  }

  /**
   * Runs one district's job under the district's lock: a single-district command and each partition
   * of a city-wide one.
   */
  public JobOutcome run(RunRequest request, Consumer<String> said) {
    String region = request.region();
    try (DistrictLocks.Lease lease = locks.acquire(region, said)) {
      if (locks.shared()) {
        // Other processes publish other districts meanwhile: this district is made to agree
        // with its folder under its own lock (with one H2 state the command did all at once).
        AtomicFiles.sweepPartials(request.output().resolve(region));
        history.reconcile(request.state(), request.output(), region).forEach(said);
      }
      return jobs.start(
          request.validateOnly(),
          request.params(store.publishedDigest(request.output(), region)),
          said);
    }
  }
}
