package org.planreports.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The city-wide jobs: one partitioned step whose partitions are the districts, worked on by a local
 * pool of {@code plan-reports.district-threads} threads (default: one per core). Each partition
 * runs that district's main job ({@link DistrictJobStep}, Spring Batch's JobStep; the validation
 * job in the city-wide {@code validate}), a job instance of its own with exactly the parameters a
 * single-district run has, so a district is restarted, refused or found done on its own: a killed
 * city run, run again, finds the finished districts done and resumes the others from the step that
 * was interrupted. The city job's parameters are the run's {@link RunRequest} and its districts;
 * each partition's context names its district.
 */
@Configuration
class CityJobConfig {

  static final String CITY_JOB = "cityJob";

  /** The city-wide {@code validate}: its partitions run the districts' validation jobs. */
  static final String CITY_VALIDATE_JOB = "cityValidateJob";

  /** Job parameter: how many districts. */
  static final String DISTRICTS = "districts";

  /**
   * Job parameters {@code district.0}, {@code district.1} …: one district each (region, plan file,
   * plan digest, report folder), each within the 2,500 characters the repository keeps of one.
   */
  static final String DISTRICT = "district.";

  /** Partition context keys. */
  static final String REGION = "region";

  static final String PLAN_FILE = "plan.file";
  static final String PLAN_DIGEST = "plan.digest";
  static final String VALIDATION = "validation.dir";

  private final DistrictRunner runner;
  private final JobService jobs;
  private final DistrictLines lines;
  private final PlanReportsProperties properties;
  private final RunProgress progress;

  CityJobConfig(
      DistrictRunner runner,
      JobService jobs,
      DistrictLines lines,
      PlanReportsProperties properties,
      RunProgress progress) {
    this.runner = runner;
    this.jobs = jobs;
    this.lines = lines;
    this.properties = properties;
    this.progress = progress;
  }

  @Bean
  Job cityJob(
      JobRepository repo,
      @Qualifier(PlanReportsJobConfig.RUN_JOB) Job runJob,
      Partitioner districtPartitioner) {
    return city(CITY_JOB, repo, runJob, districtPartitioner);
  }

  @Bean
  Job cityValidateJob(
      JobRepository repo,
      @Qualifier(PlanReportsJobConfig.VALIDATE_JOB) Job validateJob,
      Partitioner districtPartitioner) {
    return city(CITY_VALIDATE_JOB, repo, validateJob, districtPartitioner);
  }

  /**
   * A city job named {@code name}: one partitioned step whose {@link DistrictJobStep}s run {@code
   * job} for each district.
   */
  private Job city(String name, JobRepository repo, Job job, Partitioner districtPartitioner) {
    // Not a bean: the application's one JobOperator stays the one Spring Boot configures.
    DistrictJobs districts;
    try {
      districts = new DistrictJobs(repo, runner, jobs, lines);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    SimpleAsyncTaskExecutor pool = new SimpleAsyncTaskExecutor("district-");
    pool.setConcurrencyLimit(properties.districtThreads());
    DistrictJobStep worker = new DistrictJobStep(repo, job, districts);
    worker.registerStepExecutionListener(progress.districts());
    Step step =
        new StepBuilder("districts", repo)
            .partitioner("district", districtPartitioner)
            .step(worker)
            .gridSize(1)
            .taskExecutor(pool)
            .build();
    return new JobBuilder(name, repo).listener(progress).start(step).build();
  }

  /** One partition per district of the city run, named by region code. */
  @Bean
  @StepScope
  Partitioner districtPartitioner(
      @Value("#{stepExecution.jobParameters}") JobParameters parameters) {
    return gridSize -> {
      Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
      int count = Integer.parseInt(parameters.getString(DISTRICTS));
      for (int i = 0; i < count; i++) {
        String[] f = parameters.getString(DISTRICT + i).split("\t", -1);
        ExecutionContext ctx = new ExecutionContext();
        ctx.putString(REGION, f[0]);
        ctx.putString(PLAN_FILE, f[1]);
        ctx.putString(PLAN_DIGEST, f[2]);
        ctx.putString(VALIDATION, f[3]);
        partitions.put("district-" + f[0], ctx);
      }
      return partitions;
    };
  }

  /** The districts of a city run as the job parameters the partitioner reads. */
  static void addDistricts(JobParametersBuilder b, List<RunRequest> districts) {
    b.addString(DISTRICTS, String.valueOf(districts.size()));
    for (int i = 0; i < districts.size(); i++) {
      RunRequest d = districts.get(i);
      b.addString(
          DISTRICT + i,
          String.join(
              "\t",
              d.region(),
              d.plan() == null ? "" : d.plan().toString(),
              d.planDigest(),
              d.validation().toString()),
          false);
    }
  }

  /** The request of one district: the city run's, narrowed by the partition's context. */
  static RunRequest district(RunRequest city, ExecutionContext partition) {
    String plan = partition.getString(PLAN_FILE);
    return city.forDistrict(
        plan.isBlank() ? null : Path.of(plan),
        partition.getString(PLAN_DIGEST),
        partition.getString(REGION),
        Path.of(partition.getString(VALIDATION)));
  }
}
