package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;
import org.planreports.publication.ReviewLayout;
import org.planreports.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The review and publish modes of the main job (issue 22): a review writes review copies and no
 * edition or history; publish releases exactly what was reviewed, and refuses (STALE) figures that
 * are not the reviewed ones.
 */
@SpringBootTest
class ReviewPublishJobTest {

  @Autowired JobService jobs;

  @Autowired StateStore store;

  @TempDir Path tmp;

  private Map<String, String> params(String mode) {
    Path input = Path.of("input");
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toAbsolutePath().toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.REGION, "500119");
    p.put(RunRequest.OUTPUT, tmp.resolve("out").toString());
    p.put(RunRequest.STATE, tmp.resolve("state").toString());
    p.put(RunRequest.REVIEW, tmp.resolve("review").toString());
    p.put(RunRequest.YEAR, "2022");
    p.put(RunRequest.ASSESSMENT, "annual");
    p.put(RunRequest.MODE, mode);
    p.put(RunRequest.REASON, "");
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }

  private Path copy() {
    return tmp.resolve("review/500119/2022-annual");
  }

  private Path edition() {
    return tmp.resolve("out/500119/2022-annual/edition-1");
  }

  @Test
  void shouldWriteReviewCopiesThenPublishExactlyThose() throws Exception {
    JobOutcome reviewed = jobs.start(Requests.of(params("review")));

    assertThat(reviewed.kind()).as(reviewed.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(reviewed.published()).containsExactly(copy().toString());
    assertThat(reviewed.corrections()).anyMatch(l -> l.startsWith("2022-annual："));
    assertThat(copy().resolve(ReviewLayout.RECORD)).isRegularFile();
    assertThat(copy().resolve(ReviewLayout.CHANGES)).isRegularFile();
    assertThat(copy().resolve("500119-2022-annual.pdf")).isRegularFile();
    assertThat(tmp.resolve("out/500119")).as("no edition").doesNotExist();
    assertThat(store.allEditions(tmp.resolve("out").toAbsolutePath())).as("no history").isEmpty();

    Map<String, String> publish = params("publish");
    publish.put(RunRequest.DATE, "2024-03-15");
    JobOutcome published = jobs.start(Requests.of(publish));

    assertThat(published.kind()).as(published.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(published.published()).containsExactly(edition().toString());
    assertThat(edition().resolve("manifest.json")).isRegularFile();
    assertThat(copy()).as("released: the review copy is removed").doesNotExist();
  }

  @Test
  void shouldRefuseFiguresOtherThanTheReviewedOnes() throws Exception {
    JobOutcome reviewed = jobs.start(Requests.of(params("review")));
    assertThat(reviewed.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    Path record = copy().resolve(ReviewLayout.RECORD);
    String json = Files.readString(record, StandardCharsets.UTF_8);
    Files.writeString(
        record,
        json.replaceFirst("\"figures_digest\": \"[0-9a-f]+\"", "\"figures_digest\": \"other\""),
        StandardCharsets.UTF_8);

    JobOutcome stale = jobs.start(Requests.of(params("publish")));

    assertThat(stale.kind()).isEqualTo(JobOutcome.Kind.STALE);
    assertThat(stale.message()).contains("2022-annual");
    assertThat(tmp.resolve("out/500119")).doesNotExist();
    assertThat(copy()).as("refused: the review copy stays").isDirectory();
  }
}
