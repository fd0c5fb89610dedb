package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.CityFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The city job through Spring: one partition per district, each running that district's own job,
 * the partition's exit status the district's outcome; one district's invalid row stops only it.
 */
// A database of its own: the districts' publications must not be history another test finds.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:city-job-test;DB_CLOSE_DELAY=-1")
class CityJobTest {

  @Autowired CityService city;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;

  @Test
  void shouldRunEachDistrictAsAPartitionWithItsOwnOutcome() throws Exception {
    Path fixture = CityFixture.write(Path.of("."), tmp.resolve("city"), 3);
    Path file = fixture.resolve("input/nanchuan-2023-sample.csv");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        text.replaceFirst("(?m)^500102,2023,ENT_HNTE,[^,]*,", "500102,2023,ENT_HNTE,五十二,"),
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    List<RunRequest> districts =
        org.planreports.testing.Requests.city(fixture, out, tmp.resolve("state"), 2023, "midterm");

    Map<String, JobOutcome> outcomes = city.start(districts, (region, line) -> {});

    assertThat(outcomes.keySet()).containsExactly("500101", "500102", "500119");
    assertThat(outcomes.get("500101").kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(outcomes.get("500102").kind()).isEqualTo(JobOutcome.Kind.INVALID);
    assertThat(outcomes.get("500119").published()).hasSize(1);
    assertThat(out.resolve("500101/2023-midterm/edition-1/manifest.json")).isRegularFile();
    assertThat(out.resolve("500102")).doesNotExist();
    assertThat(out.resolve("validation/500102/validation-report.txt")).content().contains("五十二");
    // The partitions of the city job's step, one per district, with the district's outcome.
    List<Map<String, Object>> partitions =
        jdbc.queryForList(
            "SELECT s.STEP_NAME, s.EXIT_CODE FROM BATCH_STEP_EXECUTION s"
                + " JOIN BATCH_JOB_EXECUTION e ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " JOIN BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
                + " WHERE i.JOB_NAME = 'cityJob' AND s.STEP_NAME LIKE 'district:%' ORDER BY s.STEP_NAME");
    assertThat(partitions)
        .extracting(r -> r.get("STEP_NAME") + " " + r.get("EXIT_CODE"))
        .containsExactly(
            "district:district-500101 COMPLETED",
            "district:district-500102 INVALID",
            "district:district-500119 COMPLETED");
  }
}
