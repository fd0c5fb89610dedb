package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.PlanReportsApplication;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;
import org.planreports.testing.Requests;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A run killed after Spring Batch saved its job instance and before the instance's first execution
 * (kill -9 between the two inserts) leaves an instance that cannot be restarted: running the same
 * command again starts it afresh instead of failing with "Cannot find any job execution".
 */
@SpringBootTest(classes = PlanReportsApplication.class)
class KilledBeforeFirstExecutionTest {

  @Autowired JobService jobs;
  @Autowired JobRepository repository;
  @Autowired StateStore store;

  @TempDir Path tmp;

  @Test
  void shouldStartAfreshAnInstanceLeftWithoutAnExecution() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("input/nanchuan-2023-sample.csv"), input.resolve("orphan.csv"));
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, tmp.resolve("out").toString());
    p.put(RunRequest.STATE, tmp.resolve("state").toString());
    p.put(RunRequest.YEAR, "2023");
    p.put(RunRequest.ASSESSMENT, "annual");
    p.put(RunRequest.MODE, "run");
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    RunRequest request = Requests.of(p);
    JobParameters params =
        request
            .starting(
                request.region() == null
                    ? null
                    : store.publishedDigest(request.output(), request.region()))
            .toJobParameters();
    JobInstance orphan = repository.createJobInstance(jobs.jobOf(request).getName(), params);
    assertThat(repository.getJobExecutions(orphan)).isEmpty();

    JobOutcome o = jobs.start(request);

    assertThat(o.kind()).as(o.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    JobInstance ran = repository.getJobInstance(jobs.jobOf(request).getName(), params);
    assertThat(repository.getJobExecutions(ran))
        .extracting(e -> e.getStatus().name())
        .containsExactly("COMPLETED");
  }
}
