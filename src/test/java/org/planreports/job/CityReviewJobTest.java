package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.CityFixture;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A city run's review copies and their release (issue 22): each district's review copies in its own
 * folder of the review folder, nothing published; publish releases every district's.
 */
// A database of its own: the districts' publications must not be history another test finds.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:city-review-test;DB_CLOSE_DELAY=-1")
class CityReviewJobTest {

  @Autowired CityService city;

  @TempDir Path tmp;

  private static RunRequest as(RunRequest r, RunMode mode, Path review) {
    JobParametersBuilder b = new JobParametersBuilder(r.toJobParameters());
    b.addString(RunRequest.MODE, mode.id());
    b.addString(RunRequest.REVIEW, review.toString());
    return RunRequest.from(b.toJobParameters());
  }

  @Test
  void shouldReviewEachDistrictThenPublishEach() throws Exception {
    Path fixture = CityFixture.write(Path.of("."), tmp.resolve("city"), 2);
    Path out = tmp.resolve("out");
    Path review = tmp.resolve("review");
    List<RunRequest> districts =
        org.planreports.testing.Requests.city(fixture, out, tmp.resolve("state"), 2023, "midterm");

    Map<String, JobOutcome> reviewed =
        city.start(
            districts.stream().map(d -> as(d, RunMode.REVIEW, review)).toList(), (r, l) -> {});

    assertThat(reviewed).hasSize(2);
    for (String region : reviewed.keySet()) {
      assertThat(reviewed.get(region).kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
      assertThat(review.resolve(region + "/2023-midterm/review.json")).isRegularFile();
      assertThat(out.resolve(region)).as("no edition").doesNotExist();
    }

    Map<String, JobOutcome> published =
        city.start(
            districts.stream().map(d -> as(d, RunMode.PUBLISH, review)).toList(), (r, l) -> {});

    for (String region : published.keySet()) {
      assertThat(published.get(region).kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
      assertThat(out.resolve(region + "/2023-midterm/edition-1/manifest.json")).isRegularFile();
      assertThat(review.resolve(region + "/2023-midterm")).doesNotExist();
    }
  }
}
