package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.planreports.plan.PublicationKey;

/**
 * provenance.csv, the audit trail beside each edition: every input value of every printed figure,
 * traceable to the line of the bundled sample it was read from and that file's SHA-256.
 */
class ProvenanceCsvTest {

  private static final PublicationKey ANNUAL = PublicationKey.parse("500119", "2023-annual");

  private static List<CSVRecord> rows(byte[] csv) throws Exception {
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, StandardCharsets.UTF_8).substring(1);
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      assertThat(p.getHeaderNames()).isEqualTo(ProvenanceCsv.COLUMNS);
      return p.getRecords();
    }
  }

  @Test
  void shouldTraceAFigureToTheLineAndDigestOfTheBundledSample() throws Exception {
    PublicationContent c = PublicAppendixTest.fixture("nanchuan").builder.compose(ANNUAL);

    List<CSVRecord> rows = rows(c.companions().get(ProvenanceCsv.FILE));

    CSVRecord gdp =
        rows.stream()
            .filter(r -> r.get("figure").equals("表1 序号2 2023年") && r.get("item").equals("GDP"))
            .findFirst()
            .orElseThrow();
    assertThat(gdp.get("indicator")).isEqualTo("RD_INTENSITY");
    assertThat(gdp.get("formula")).isEqualTo("RD_EXP / GDP * 100");
    assertThat(gdp.get("region")).isEqualTo("500119");
    assertThat(gdp.get("year")).isEqualTo("2023");
    assertThat(gdp.get("item_name")).isEqualTo("地区生产总值");
    assertThat(gdp.get("file")).isEqualTo("nanchuan-2023-sample.csv");
    Path file = Path.of("input", gdp.get("file"));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String line = lines.get(Integer.parseInt(gdp.get("line")) - 1);
    assertThat(line).startsWith("500119,2023,GDP," + gdp.get("raw") + ",");
    assertThat(gdp.get("sha256"))
        .isEqualTo(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    assertThat(gdp.get("sample")).isEqualTo("true");
  }

  @Test
  void shouldPointEveryRowAtALineCarryingItsItemAndRawText() throws Exception {
    PublicationContent c = PublicAppendixTest.fixture("nanchuan").builder.compose(ANNUAL);

    List<CSVRecord> rows = rows(c.companions().get(ProvenanceCsv.FILE));

    assertThat(rows).hasSizeGreaterThan(40);
    for (CSVRecord r : rows.stream().filter(r -> !r.get("item").isEmpty()).toList()) {
      // Codes and numbers are ASCII: readable whatever the file's encoding (one is GB18030).
      List<String> lines =
          new String(Files.readAllBytes(Path.of("input", r.get("file"))), StandardCharsets.UTF_8)
              .lines()
              .toList();
      String line = lines.get(Integer.parseInt(r.get("line")) - 1).replace("\uFEFF", "");
      assertThat(line).as(r.toString()).contains("," + r.get("item") + "," + r.get("raw") + ",");
      assertThat(r.get("sha256")).matches("[0-9a-f]{64}");
    }
    assertThat(rows)
        .as("the 初步 mark travels with the figure")
        .anyMatch(r -> r.get("preliminary").equals("true") && r.get("item").equals("STP_CONTRIB"));
  }

  @Test
  void shouldCiteEachTargetWhereThePlanSaysIt() throws Exception {
    PublicationContent c = PublicAppendixTest.fixture("nanchuan").builder.compose(ANNUAL);

    List<CSVRecord> targets =
        rows(c.companions().get(ProvenanceCsv.FILE)).stream()
            .filter(r -> r.get("figure").endsWith("目标值"))
            .toList();

    assertThat(targets).isNotEmpty().allMatch(r -> r.get("item").isEmpty());
    CSVRecord rd =
        targets.stream()
            .filter(r -> r.get("figure").equals("表1 序号2 目标值"))
            .findFirst()
            .orElseThrow();
    assertThat(rd.get("indicator")).isEqualTo("RD_INTENSITY");
    assertThat(rd.get("raw")).isEqualTo("2.5");
    assertThat(rd.get("year")).isEqualTo("2025");
    assertThat(rd.get("source")).contains("南川区科技创新“十四五”规划", "正文第");
    assertThat(rd.get("line")).isEqualTo(rd.get("source").replaceAll(".*正文第(\\d+)行.*", "$1"));
  }

  @Test
  void shouldBeTheSameBytesForTheSameInput() {
    PublicationContent a = PublicAppendixTest.fixture("nanchuan").builder.compose(ANNUAL);
    PublicationContent b =
        PublicationFixtures.read(PublicationFixtures.BUNDLED).builder.compose(ANNUAL);

    assertThat(a.companions().get(ProvenanceCsv.FILE))
        .isEqualTo(b.companions().get(ProvenanceCsv.FILE));
  }
}
