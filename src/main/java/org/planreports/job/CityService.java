package org.planreports.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.planreports.core.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Starts a city-wide run: a new instance of the city job each time (its districts' own jobs are
 * what is resumed or found done), whose partitions run the districts' main jobs.
 */
@Service
public class CityService {

  private static final Messages WORDS = Messages.bundle("run");

  private static final Logger log = LoggerFactory.getLogger(CityService.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job cityJob;
  private final Job cityValidateJob;
  private final DistrictLines lines;

  CityService(
      JobOperator operator,
      JobRepository repository,
      @Qualifier(CityJobConfig.CITY_JOB) Job cityJob,
      @Qualifier(CityJobConfig.CITY_VALIDATE_JOB) Job cityValidateJob,
      DistrictLines lines) {
    this.operator = operator;
    this.repository = repository;
    this.cityJob = cityJob;
    this.cityValidateJob = cityValidateJob;
    this.lines = lines;
  }

  /** Whether a job of the repository is a city-wide run's (its steps are the districts). */
  public static boolean isCityJob(String jobName) {
    return CityJobConfig.CITY_JOB.equals(jobName)
        || CityJobConfig.CITY_VALIDATE_JOB.equals(jobName);
  }

  /**
   * Runs every district (all share the request's input, output, state and options) and returns each
   * district's outcome by region code, in the order given; {@code say} gets each line a district
   * says while it runs, with the district's region code.
   */
  public Map<String, JobOutcome> start(List<RunRequest> districts, BiConsumer<String, String> say) {
    RunRequest city = districts.get(0).forDistrict(null, null, null, null);
    JobParametersBuilder b = new JobParametersBuilder(city.toJobParameters());
    CityJobConfig.addDistricts(b, districts);
    b.addString("started.at", Instant.now().toString());
    Map<String, JobOutcome> got = new LinkedHashMap<>();
    lines.attach(say);
    try {
      JobExecution exec =
          operator.start(city.validateOnly() ? cityValidateJob : cityJob, b.toJobParameters());
      for (StepExecution s : repository.getJobExecution(exec.getId()).getStepExecutions()) {
        if (s.getExecutionContext().containsKey(CityJobConfig.REGION)) {
          JobOutcome.from(s.getExecutionContext())
              .ifPresent(o -> got.put(s.getExecutionContext().getString(CityJobConfig.REGION), o));
        }
      }
    } catch (Exception e) {
      log.error(WORDS.get("run.log.city.failed"), e);
    } finally {
      lines.detach();
    }
    Map<String, JobOutcome> all = new LinkedHashMap<>();
    for (RunRequest d : districts) {
      all.put(
          d.region(),
          got.getOrDefault(
              d.region(),
              JobOutcome.before(
                  JobOutcome.Kind.FAILED, WORDS.get("run.district.not.run"), List.of())));
    }
    return all;
  }
}
