package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.core.Finding;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.report.PublicationComposer;
import org.planreports.report.PublicationPlanner;

/**
 * The ways a valid extract may arrive (DATA-CONTRACT.md) give the same assessment as the plain
 * file: the 2023 extract of the bundled input, replaced by each variant under fixtures/good/, gives
 * byte-identical companion CSVs for every publication.
 */
class ValidVariantsTest {

  private static final Plan PLAN = PlanLoader.loadDefault();
  private static final Path INPUT = Path.of("input");
  private static final String REPLACED = "nanchuan-2023-sample.csv";

  private static Map<String, byte[]> plain;

  @BeforeAll
  static void assessPlain() {
    plain = companions("plain.csv");
    assertThat(plain).containsKey("2023-midterm/table2.csv");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bom.csv,",
    "gb18030.csv,",
    "chinese-headers.csv,",
    "wan-yuan.csv,W_UNIT_CONVERTED",
    "reordered.csv,W_EXTRA_COLUMN",
    "fullwidth.csv,W_NUMBER_NORMALISED",
    "thousands.csv,W_NUMBER_NORMALISED",
  })
  void shouldAssessAVariantLikeThePlainFile(String variant, String warning) {
    Corpus.Checked checked = Corpus.check(PLAN, Corpus.GOOD.resolve(variant), null);
    assertThat(checked.errors()).isEmpty();
    if (warning != null) {
      assertThat(checked.findings()).extracting(Finding::code).contains(warning);
    }

    Map<String, byte[]> companions = companions(variant);

    assertThat(companions.keySet()).isEqualTo(plain.keySet());
    companions.forEach(
        (name, bytes) ->
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .as(name)
                .isEqualTo(new String(plain.get(name), java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Every companion CSV of every publication the bundled input with this 2023 file supports. */
  private static Map<String, byte[]> companions(String variant) {
    List<StagedValue> staged = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(INPUT)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (Path f : files) {
      Path read = f.getFileName().toString().equals(REPLACED) ? Corpus.GOOD.resolve(variant) : f;
      Corpus.Checked c = Corpus.check(PLAN, read, null);
      assertThat(c.errors()).as(read.toString()).isEmpty();
      // Keep the bundled file name, as the variant stands in for it.
      c.values().stream()
          .map(
              v ->
                  new StagedValue(
                      f.getFileName().toString(),
                      v.line(),
                      v.region(),
                      v.year(),
                      v.item(),
                      v.value(),
                      v.raw(),
                      v.preliminary(),
                      v.sample(),
                      v.source(),
                      v.note()))
          .forEach(staged::add);
    }
    IndicatorDeriver.Result result =
        IndicatorDeriver.derive(PLAN, PLAN.meta().regionCode(), staged);
    TreeMap<String, String> sources = new TreeMap<>();
    staged.forEach(v -> sources.putIfAbsent(v.file(), v.source()));
    PublicationComposer builder =
        new PublicationComposer(PLAN, result, InputSet.scan(INPUT).files());
    Map<String, byte[]> all = new TreeMap<>();
    for (PublicationKey key : PublicationPlanner.supported(PLAN, result)) {
      // The figures: not the audit trail, whose text as written and file digests differ by variant.
      builder.compose(key).companions().entrySet().stream()
          .filter(e -> !org.planreports.publication.CorrectionNotice.audit(e.getKey()))
          .forEach(e -> all.put(key.folderName() + "/" + e.getKey(), e.getValue()));
    }
    return all;
  }
}
