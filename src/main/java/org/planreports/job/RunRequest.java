package org.planreports.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;

/**
 * One district's run as the operator asked for it, turned into the main job's parameters: the same
 * request for a single district on the command line and for each district of a city-wide run, so
 * both are the same job instance and publish the same files.
 *
 * @param plan the plan bundle file, or null for the bundled plan
 * @param validation where the validation report goes ({@code <output>/validation} for one district;
 *     a folder per district in a city-wide run)
 * @param work the folder under which each run prepares its files ({@code <state>/work} with an H2
 *     state; on the output's file system with a shared database, so another worker can finish an
 *     interrupted district)
 */
public record RunRequest(
    String mode,
    Path input,
    InputSet inputSet,
    Path output,
    Path state,
    Path plan,
    Plan loadedPlan,
    Integer year,
    String assessment,
    String reason,
    String encoding,
    String toolVersion,
    Path validation,
    Path work) {

  /**
   * Parameters that say where files go, not which run this is. The state folder among them: with a
   * shared database it holds only the log, and workers with folders of their own must find one
   * another's runs of a district.
   */
  static final Set<String> NOT_IDENTIFYING =
      Set.of(JobParams.VALIDATION, JobParams.WORK, JobParams.REGION, JobParams.STATE);

  public RunRequest {
    input = input.toAbsolutePath().normalize();
    output = output.toAbsolutePath().normalize();
    state = state.toAbsolutePath().normalize();
    validation =
        (validation == null ? output.resolve("validation") : validation)
            .toAbsolutePath()
            .normalize();
    work = (work == null ? state.resolve("work") : work).toAbsolutePath().normalize();
  }

  public String region() {
    return loadedPlan.meta().regionCode();
  }

  public boolean validateOnly() {
    return mode.equals("validate");
  }

  /**
   * The job's parameters. {@code publishedDigest} ({@link StateStore#publishedDigest(String)}) is
   * part of a run's identity: after a rerun has published a corrected edition, the same run command
   * is a new job instance that finds it, not a replay of the refusal; a killed run is resumed.
   */
  public Map<String, String> params(String publishedDigest) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(JobParams.INPUT, input.toString());
    params.put(JobParams.INPUT_DIGEST, inputSet.digest());
    params.put(JobParams.PLAN, plan == null ? "" : plan.toAbsolutePath().normalize().toString());
    params.put(JobParams.PLAN_DIGEST, loadedPlan.digest());
    params.put(JobParams.OUTPUT, output.toString());
    params.put(JobParams.STATE, state.toString());
    params.put(JobParams.YEAR, year == null ? "" : String.valueOf(year));
    params.put(JobParams.ASSESSMENT, assessment == null ? "" : assessment);
    params.put(JobParams.MODE, mode);
    params.put(JobParams.REASON, reason == null ? "" : reason);
    params.put(JobParams.ENCODING, encoding == null ? "" : encoding);
    params.put(JobParams.TOOL_VERSION, toolVersion);
    params.put(JobParams.PUBLISHED_DIGEST, publishedDigest);
    params.put(JobParams.VALIDATION, validation.toString());
    params.put(JobParams.WORK, work.toString());
    params.put(JobParams.REGION, region());
    if (validateOnly()) {
      // Validation has nothing to resume: each validate is a job instance of its own, so the same
      // input validated twice is checked and reported twice.
      params.put("validated.at", Instant.now().toString());
    }
    // The job's steps use the plan and input set loaded and hashed by the caller, not copies.
    RunInputs.remember(params.get(JobParams.PLAN), loadedPlan, input, inputSet);
    return params;
  }
}
