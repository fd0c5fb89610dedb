package org.planreports.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.planreports.core.Finding;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Plan;

/** The fixtures under src/test/resources/fixtures/ and the row rules run over them. */
final class Corpus {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  static final Path BAD = FIXTURES.resolve("bad");
  static final Path GOOD = FIXTURES.resolve("good");

  /** One line of fixtures/bad/EXPECTED.csv: the finding a bad fixture must produce. */
  record Expected(String file, String code, long line, String column, String text, String message) {
    @Override
    public String toString() {
      return file;
    }
  }

  private Corpus() {}

  static Stream<Expected> expected() {
    try (InputStream in = Files.newInputStream(BAD.resolve("EXPECTED.csv"))) {
      List<Expected> all = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
        all.add(
            new Expected(
                r.get("file"),
                r.get("code"),
                Long.parseLong(r.get("line")),
                r.get("column"),
                r.get("text"),
                r.get("message")));
      }
      return all.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reading, row rules and cross-row rules of one file, as ingest and validate apply them. */
  static Checked check(Plan plan, Path file, Charset override) {
    RowRules rules = new RowRules(plan);
    List<Finding> findings = new ArrayList<>();
    List<StagedValue> staged = new ArrayList<>();
    java.util.Map<String, java.util.Map<String, Long>> regions = new java.util.HashMap<>();
    java.util.Map<String, java.util.Map<Integer, Long>> earlier = new java.util.HashMap<>();
    for (RawRow row : ExtractParser.parse(file.getFileName().toString(), bytes(file), override)) {
      RowRules.Checked c = rules.check(row);
      findings.addAll(c.findings());
      if (c.value() != null) {
        staged.add(c.value());
      }
      if (c.earlierYear() != null) {
        earlier
            .computeIfAbsent(c.file(), f -> new java.util.HashMap<>())
            .merge(c.earlierYear(), 1L, Long::sum);
      }
      if (c.counted()) {
        regions
            .computeIfAbsent(c.file(), f -> new java.util.HashMap<>())
            .merge(c.region(), 1L, Long::sum);
      }
    }
    CrossRowRules.Result cross = CrossRowRules.check(staged);
    findings.addAll(cross.findings());
    findings.addAll(RegionCoverage.check(plan, regions));
    findings.addAll(EarlierYears.check(plan, earlier));
    findings.addAll(
        org.planreports.indicator.IndicatorDeriver.derive(
                plan, plan.meta().regionCode(), cross.values())
            .warnings());
    return new Checked(cross.values(), findings);
  }

  record Checked(List<StagedValue> values, List<Finding> findings) {
    List<Finding> errors() {
      return findings.stream().filter(Finding::isError).toList();
    }
  }
}
