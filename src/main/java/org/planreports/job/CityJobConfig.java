package org.planreports.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The city-wide job: one partitioned step whose partitions are the districts, worked on by a local
 * pool of {@code plan-reports.district-threads} threads (default: one per core). Each partition
 * runs that district's main job ({@link DistrictStep}), a job instance of its own with exactly the
 * parameters a single-district run has, so a district is restarted, refused or found done on its
 * own: a killed city run, run again, finds the finished districts done and resumes the others from
 * the step that was interrupted.
 */
@Configuration
class CityJobConfig {

  static final String CITY_JOB = "cityJob";

  /** Job parameters: how many districts, and a digest of their plans. */
  static final String DISTRICTS = "districts";

  static final String DISTRICTS_DIGEST = "districts.digest";

  /** Partition context keys. */
  static final String REGION = "region";

  static final String PLAN_FILE = "plan.file";
  static final String PLAN_DIGEST = "plan.digest";

  @Bean
  Job cityJob(JobRepository repo, Step districts) {
    return new JobBuilder(CITY_JOB, repo).start(districts).build();
  }

  @Bean
  Step districts(
      JobRepository repo,
      DistrictWork work,
      Partitioner districtPartitioner,
      PlanReportsProperties properties) {
    SimpleAsyncTaskExecutor pool = new SimpleAsyncTaskExecutor("district-");
    pool.setConcurrencyLimit(properties.districtThreads());
    DistrictStep worker = new DistrictStep(repo, work);
    return new StepBuilder("districts", repo)
        .partitioner("district", districtPartitioner)
        .step(worker)
        .gridSize(1)
        .taskExecutor(pool)
        .build();
  }

  /** One partition per district of the city run, named by region code. */
  @Bean
  @StepScope
  Partitioner districtPartitioner(
      DistrictWork work, @Value("#{jobParameters['" + CityService.CITY_RUN + "']}") String run) {
    return gridSize -> {
      Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
      for (RunRequest d : work.districts(run)) {
        ExecutionContext ctx = new ExecutionContext();
        ctx.putString(REGION, d.region());
        ctx.putString(PLAN_FILE, d.plan() == null ? "" : d.plan().toString());
        ctx.putString(PLAN_DIGEST, d.loadedPlan().digest());
        partitions.put("district-" + d.region(), ctx);
      }
      return partitions;
    };
  }

  /** A digest of the districts' plans, which identifies a city run's set of districts. */
  static String districtsDigest(java.util.List<RunRequest> districts) {
    var sha = org.planreports.ingest.InputSet.sha256();
    for (RunRequest d : districts) {
      sha.update(
          (d.region() + "\t" + d.plan() + "\t" + d.loadedPlan().digest() + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return org.planreports.ingest.InputSet.hex(sha.digest());
  }
}
