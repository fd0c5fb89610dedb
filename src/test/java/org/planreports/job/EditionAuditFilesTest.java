package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;
import org.planreports.publication.CorrectionNotice;
import org.planreports.publication.DataPackage;
import org.planreports.publication.ManifestCheck;
import org.planreports.report.ProvenanceCsv;
import org.planreports.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The audit trail of an edition as the job publishes it: provenance.csv and datapackage.json beside
 * the PDF, listed and digested in its manifest (which verify checks), the data package describing
 * the correction notice of a corrected edition, and the notice listing only figures of the tables,
 * none of the audit trail's input lines or digests.
 */
@SpringBootTest
class EditionAuditFilesTest {

  @Autowired JobService jobs;

  @TempDir Path tmp;

  private Map<String, String> params(Path input, String mode, String reason) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(RunRequest.INPUT, input.toAbsolutePath().toString());
    p.put(RunRequest.INPUT_DIGEST, InputSet.scan(input).digest());
    p.put(RunRequest.PLAN, "");
    p.put(RunRequest.PLAN_DIGEST, PlanLoader.loadDefault().digest());
    p.put(RunRequest.OUTPUT, tmp.resolve("out").toString());
    p.put(RunRequest.STATE, tmp.resolve("state").toString());
    p.put(RunRequest.YEAR, "2021");
    p.put(RunRequest.ASSESSMENT, "annual");
    p.put(RunRequest.MODE, mode);
    p.put(RunRequest.REASON, reason);
    p.put(RunRequest.ENCODING, "");
    p.put(RunRequest.TOOL_VERSION, "test");
    return p;
  }

  private static List<String> resources(Path edition) throws Exception {
    JsonNode pkg = new ObjectMapper().readTree(edition.resolve(DataPackage.FILE).toFile());
    List<String> paths = new ArrayList<>();
    pkg.path("resources").forEach(r -> paths.add(r.path("path").asText()));
    return paths;
  }

  @Test
  void shouldPublishTheAuditTrailInTheManifestAndDescribeTheNoticeOfACorrection() throws Exception {
    Path changed = Files.createDirectories(tmp.resolve("changed"));
    try (var files = Files.list(Path.of("input"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, changed.resolve(f.getFileName()));
      }
    }
    Path f = changed.resolve("nanchuan-2021-sample.csv");
    Files.writeString(
        f, Files.readString(f).replace("500119,2021,RD_EXP,6.95,", "500119,2021,RD_EXP,7.15,"));
    Path annual = tmp.resolve("out/500119/2021-annual");

    JobOutcome first = jobs.start(Requests.of(params(Path.of("input"), "run", "")));
    JobOutcome corrected = jobs.start(Requests.of(params(changed, "rerun", "核定数")));

    assertThat(first.kind()).isEqualTo(JobOutcome.Kind.COMPLETED);
    assertThat(corrected.kind()).as(corrected.message()).isEqualTo(JobOutcome.Kind.COMPLETED);
    Path one = annual.resolve("edition-1");
    Path two = annual.resolve("edition-2");
    for (Path edition : List.of(one, two)) {
      String manifest = Files.readString(edition.resolve("manifest.json"));
      assertThat(manifest).contains(ProvenanceCsv.FILE, DataPackage.FILE);
      assertThat(ManifestCheck.check(edition.resolve("manifest.json"))).isEmpty();
      assertThat(edition.resolve(ProvenanceCsv.FILE)).isRegularFile();
    }
    assertThat(resources(one)).contains(ProvenanceCsv.FILE).doesNotContain(CorrectionNotice.CSV);
    assertThat(resources(two)).contains(ProvenanceCsv.FILE, CorrectionNotice.CSV);
    String notice = Files.readString(two.resolve(CorrectionNotice.CSV), StandardCharsets.UTF_8);
    assertThat(notice).contains("table2.csv,").doesNotContain(ProvenanceCsv.FILE);
    assertThat(Files.readString(two.resolve(ProvenanceCsv.FILE), StandardCharsets.UTF_8))
        .contains(",7.15,");
  }
}
