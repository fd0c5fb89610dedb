package org.planreports.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Starts a city-wide run: a new instance of the city job each time (its districts' own jobs are
 * what is resumed or found done), whose partitions run the districts' main jobs.
 */
@Service
public class CityService {

  private static final Logger log = LoggerFactory.getLogger(CityService.class);

  /** Job parameter naming one city run, for the outcomes its districts leave in this process. */
  static final String CITY_RUN = "city.run";

  private final JobOperator operator;
  private final Job cityJob;
  private final DistrictWork work;

  CityService(
      JobOperator operator, @Qualifier(CityJobConfig.CITY_JOB) Job cityJob, DistrictWork work) {
    this.operator = operator;
    this.cityJob = cityJob;
    this.work = work;
  }

  /**
   * Runs every district (all share the request's input, output, state and options) and returns each
   * district's outcome by region code, in the order given.
   */
  public Map<String, JobOutcome> start(List<RunRequest> districts, Consumer<String> say) {
    RunRequest any = districts.get(0);
    String run = UUID.randomUUID().toString();
    JobParametersBuilder b = new JobParametersBuilder();
    b.addString(CityJobConfig.DISTRICTS, String.valueOf(districts.size()));
    b.addString(CityJobConfig.DISTRICTS_DIGEST, CityJobConfig.districtsDigest(districts));
    b.addString(CITY_RUN, run);
    b.addString(JobParams.INPUT, any.input().toString());
    b.addString(JobParams.INPUT_DIGEST, any.inputSet().digest());
    b.addString(JobParams.OUTPUT, any.output().toString());
    b.addString(JobParams.STATE, any.state().toString());
    b.addString(JobParams.YEAR, any.year() == null ? "" : String.valueOf(any.year()));
    b.addString(JobParams.ASSESSMENT, any.assessment() == null ? "" : any.assessment());
    b.addString(JobParams.MODE, any.mode());
    b.addString(JobParams.REASON, any.reason() == null ? "" : any.reason());
    b.addString(JobParams.ENCODING, any.encoding() == null ? "" : any.encoding());
    b.addString(JobParams.TOOL_VERSION, any.toolVersion());
    b.addString(JobParams.WORK, any.work().toString());
    b.addString("started.at", Instant.now().toString());
    work.listen(run, districts, say);
    Map<String, JobOutcome> got;
    try {
      operator.start(cityJob, b.toJobParameters());
    } catch (Exception e) {
      log.error("城市作业未能开始", e);
    } finally {
      got = work.outcomes(run);
    }
    Map<String, JobOutcome> all = new java.util.LinkedHashMap<>();
    for (RunRequest d : districts) {
      all.put(
          d.region(),
          got.getOrDefault(
              d.region(),
              JobOutcome.before(JobOutcome.Kind.FAILED, "该地区的作业未能运行（详见日志）", List.of())));
    }
    return all;
  }
}
