package org.planreports.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planreports.ingest.InputSet;
import org.planreports.job.RunMode;
import org.planreports.job.RunRequest;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanBundles;
import org.planreports.plan.PublicationType;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Run requests for job tests, from the parameters a test writes down by name. */
public final class Requests {

  private Requests() {}

  /** The request of these job parameters (names from {@link RunRequest}). */
  public static RunRequest of(Map<String, String> parameters) {
    JobParametersBuilder b = new JobParametersBuilder();
    parameters.forEach(b::addString);
    return RunRequest.from(b.toJobParameters());
  }

  /** As {@link #of}, validating only. */
  public static RunRequest validate(Map<String, String> parameters) {
    RunRequest r = of(parameters);
    return RunRequest.of(
            RunMode.VALIDATE,
            r.input(),
            r.inputDigest(),
            r.output(),
            r.state(),
            r.year(),
            r.assessment(),
            r.reason(),
            r.encoding(),
            r.toolVersion())
        .forDistrict(r.plan(), r.planDigest(), r.region(), r.validation());
  }

  /**
   * The requests of a city-wide run of every district under {@code fixture/plans} on {@code
   * fixture/input}, each district's validation report in a folder of its own.
   */
  public static List<RunRequest> city(
      Path fixture, Path out, Path state, Integer year, String assessment) {
    List<Path> bundles = PlanBundles.resolve(List.of(fixture.resolve("plans")));
    List<Plan> plans = PlanBundles.loadAll(bundles);
    RunRequest asked =
        RunRequest.of(
            RunMode.RUN,
            fixture.resolve("input"),
            InputSet.scan(fixture.resolve("input")).digest(),
            out,
            state,
            year,
            assessment == null ? null : PublicationType.fromId(assessment),
            null,
            null,
            "test");
    List<RunRequest> districts = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      String region = plans.get(i).meta().regionCode();
      districts.add(
          asked.forDistrict(
              bundles.get(i),
              plans.get(i).digest(),
              region,
              asked.output().resolve("validation").resolve(region)));
    }
    return districts;
  }
}
