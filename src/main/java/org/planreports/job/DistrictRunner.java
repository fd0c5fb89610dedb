package org.planreports.job;

import java.util.function.Consumer;
import org.planreports.publication.AtomicFiles;
import org.springframework.stereotype.Component;

/**
 * Runs one district's job under the district's lock: a single-district command and each partition
 * of a city-wide one.
 */
@Component
public class DistrictRunner {

  private final JobService jobs;
  private final DistrictLocks locks;
  private final PublicationHistory history;

  DistrictRunner(JobService jobs, DistrictLocks locks, PublicationHistory history) {
    this.jobs = jobs;
    this.locks = locks;
    this.history = history;
  }

  /**
   * Runs (or resumes, or finds done) the district's job, saying what it does through {@code said}.
   */
  public JobOutcome run(RunRequest request, Consumer<String> said) {
    return start(request, said).outcome();
  }

  /** The same, with the job execution it ended in (a city run's {@link DistrictJobStep}). */
  JobService.Started start(RunRequest request, Consumer<String> said) {
    String region = request.region();
    try (DistrictLocks.Lease lease = locks.acquire(region, said)) {
      if (locks.shared()) {
        // Other processes publish other districts meanwhile: this district is made to agree
        // with its folder under its own lock (with one H2 state the command did all at once).
        AtomicFiles.sweepPartials(request.output().resolve(region));
        history.reconcile(request.state(), request.output(), region).forEach(said);
      }
      return jobs.start(request, said);
    }
  }
}
