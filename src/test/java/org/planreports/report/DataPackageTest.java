package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.CorrectionNotice;
import org.planreports.publication.DataPackage;

/**
 * datapackage.json against the members the Frictionless Data Package and Table Schema specs require
 * (checked here, no network): a package name and resources; each resource a unique lower-case name,
 * a path that is one of the edition's CSVs, csv format and its encoding; each schema's fields
 * exactly the CSV's header, with Chinese titles and types of the spec's list that the cells bear.
 */
class DataPackageTest {

  private static final String NAME = "^[a-z0-9._-]+$";
  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "year", "date");

  private static Map<String, byte[]> files(PublicationContent c, boolean notice) {
    Map<String, byte[]> files = new TreeMap<>(c.companions());
    if (notice) {
      files.put(
          CorrectionNotice.CSV,
          new CorrectionNotice(
                  2,
                  1,
                  "核定数",
                  List.of(
                      new CorrectionNotice.Change(
                          "table2.csv", "表2", "1", "全社会研发经费投入增长", "value", "8.62", "8.82")))
              .csv(c));
    }
    return files;
  }

  @ParameterizedTest(name = "{0} {1} {2}, notice {3}")
  @CsvSource({
    "nanchuan, 500119, 2023-annual, false",
    "nanchuan, 500119, 2023-midterm, true",
    "nanchuan, 500119, 2023-zone, false",
    "scheme-2027, 500999, 2027-final, false",
    "district-binding, 500998, 2024-park, true",
    "zone-news, 500997, 2025-final, false"
  })
  void shouldDescribeEveryCompanionCsvAsTheSpecRequires(
      String bundle, String region, String pub, boolean notice) throws Exception {
    PublicationFixtures f = PublicAppendixTest.fixture(bundle);
    PublicationContent c = f.builder.compose(PublicationKey.parse(region, pub));
    Map<String, byte[]> files = files(c, notice);

    byte[] json = DataPackage.of(f.plan, c, files);

    JsonNode pkg = new ObjectMapper().readTree(json);
    assertThat(pkg.path("name").asText()).matches(NAME).isEqualTo(region + "-" + pub);
    assertThat(pkg.path("title").asText()).containsPattern("\\p{IsHan}");
    assertThat(pkg.path("profile").asText()).isEqualTo("tabular-data-package");
    assertThat(pkg.path("resources").isArray()).isTrue();
    List<String> paths = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode r : pkg.path("resources")) {
      paths.add(r.path("path").asText());
      names.add(r.path("name").asText());
      assertThat(r.path("name").asText()).matches(NAME);
      assertThat(r.path("title").asText()).containsPattern("\\p{IsHan}");
      assertThat(r.path("format").asText()).isEqualTo("csv");
      assertThat(r.path("encoding").asText()).isEqualTo("utf-8-sig");
      assertThat(r.path("profile").asText()).isEqualTo("tabular-data-resource");
      List<String> header = header(files.get(r.path("path").asText()));
      List<String> fields = new ArrayList<>();
      for (JsonNode field : r.path("schema").path("fields")) {
        fields.add(field.path("name").asText());
        assertThat(field.path("title").asText())
            .as("title of %s", field.path("name"))
            .containsPattern("\\p{IsHan}");
        assertThat(field.path("type").asText()).isIn(TYPES);
      }
      assertThat(fields).as(r.path("path").asText()).isEqualTo(header);
    }
    assertThat(paths)
        .as("every CSV of the edition, notice included, and nothing else")
        .containsExactlyElementsOf(files.keySet());
    assertThat(names).doesNotHaveDuplicates();
    assertThat(paths).contains(ProvenanceCsv.FILE);
    assertThat(paths.contains(CorrectionNotice.CSV)).isEqualTo(notice);
  }

  @ParameterizedTest(name = "{0}.{1} is {2}")
  @CsvSource({
    "provenance, year, year",
    "provenance, line, integer",
    "provenance, value, number",
    "provenance, item_value, number",
    "provenance, raw, string",
    "provenance, region, string",
    "provenance, preliminary, boolean",
    "provenance, sha256, string",
    "table2, seq, integer",
    "table2, target_year, year",
    "table2, completion_pct, number",
    "table2, status, string",
    "table2, baseline, string",
    "table2, target, number",
    "table1, value_from, number",
    "correction-notice, old, string",
    "correction-notice, seq, integer"
  })
  void shouldTypeEachColumnByWhatItsCellsAre(String resource, String column, String type)
      throws Exception {
    PublicationFixtures f = PublicAppendixTest.fixture("nanchuan");
    PublicationContent c = f.builder.compose(PublicationKey.parse("500119", "2023-midterm"));

    JsonNode pkg = new ObjectMapper().readTree(DataPackage.of(f.plan, c, files(c, true)));

    JsonNode field = field(pkg, resource, column);
    assertThat(field.path("type").asText()).isEqualTo(type);
  }

  @org.junit.jupiter.api.Test
  void shouldStateUnitsAndBeTheSameBytesEveryTime() throws Exception {
    PublicationFixtures f = PublicAppendixTest.fixture("nanchuan");
    PublicationContent c = f.builder.compose(PublicationKey.parse("500119", "2023-midterm"));

    byte[] json = DataPackage.of(f.plan, c, files(c, true));

    JsonNode pkg = new ObjectMapper().readTree(json);
    assertThat(field(pkg, "table2", "completion_pct").path("unit").asText()).isEqualTo("%");
    assertThat(field(pkg, "table2", "value").path("description").asText()).contains("unit");
    assertThat(field(pkg, "provenance", "item_value").path("description").asText())
        .contains("item_unit");
    assertThat(json).isEqualTo(DataPackage.of(f.plan, c, files(c, true)));
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").endsWith("}\n").doesNotContainPattern("20\\d\\d-\\d\\d-");
  }

  private static JsonNode field(JsonNode pkg, String resource, String column) {
    for (JsonNode r : pkg.path("resources")) {
      if (r.path("name").asText().equals(resource)) {
        for (JsonNode field : r.path("schema").path("fields")) {
          if (field.path("name").asText().equals(column)) {
            return field;
          }
        }
      }
    }
    throw new AssertionError(resource + "." + column + " not described");
  }

  private static List<String> header(byte[] csv) throws Exception {
    String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return p.getRecords().get(0).toList();
    }
  }
}
