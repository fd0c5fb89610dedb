package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.planreports.assessment.AssessedRow;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.ingest.InputFile;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.CorrectionNotice;
import org.planreports.publication.FiguresDigest;

/**
 * A publication's figures digest changes when a figure it prints changes, and only then: not when
 * an input file's digest, name or line numbers change, which its provenance also prints.
 */
class FiguresDigestTest {

  private static final PublicationFixtures F =
      PublicationFixtures.read(PublicationFixtures.BUNDLED);
  private static final PublicationKey MIDTERM = key("2023-midterm");
  private static final PublicationKey ZONE = key("2023-zone");
  private static final PublicationKey ANNUAL_2022 = key("2022-annual");

  private static PublicationKey key(String folder) {
    return PublicationKey.parse(F.plan.meta().regionCode(), folder);
  }

  private static String digest(PublicationComposer composer, PublicationKey key) {
    return FiguresDigest.of(composer.compose(key), Optional.empty());
  }

  private static String digest(IndicatorDeriver.Result data, PublicationKey key) {
    return digest(new PublicationComposer(F.plan, data, inputs(f -> f)), key);
  }

  private static List<InputFile> inputs(UnaryOperator<InputFile> change) {
    return inputFiles().stream().map(change).toList();
  }

  private static List<InputFile> inputFiles() {
    return org.planreports.ingest.InputSet.scan(PublicationFixtures.BUNDLED).files();
  }

  /** The derived data with every value passed through {@code change}. */
  private static IndicatorDeriver.Result map(UnaryOperator<IndicatorValue> change) {
    Map<String, TreeMap<Integer, IndicatorValue>> series = new LinkedHashMap<>();
    F.data
        .series()
        .forEach(
            (code, values) -> {
              TreeMap<Integer, IndicatorValue> m = new TreeMap<>();
              values.forEach((y, v) -> m.put(y, change.apply(v)));
              series.put(code, m);
            });
    return new IndicatorDeriver.Result(series, List.of());
  }

  private static IndicatorValue withSources(IndicatorValue v, UnaryOperator<Source> change) {
    return new IndicatorValue(
        v.indicator(),
        v.year(),
        v.value(),
        v.preliminary(),
        v.sample(),
        v.formula(),
        v.sources().stream().map(change).toList());
  }

  /** The indicator the midterm's 表2 row 5 assesses (国家高新技术企业, not in the zone bulletin). */
  private static String midtermRow5() {
    AssessedRow row =
        F.builder.assess(MIDTERM).get("表2").stream()
            .filter(r -> r.row().seq() == 5)
            .findFirst()
            .orElseThrow();
    return row.row().indicator().code();
  }

  @Test
  void shouldStayTheSameWhenOnlyAnInputFilesDigestChanges() {
    String before = digest(F.builder, MIDTERM);
    PublicationComposer otherDigests =
        new PublicationComposer(
            F.plan,
            F.data,
            inputs(f -> new InputFile(f.name(), f.path(), "0".repeat(64), f.size() + 1)));

    PublicationContent changed = otherDigests.compose(MIDTERM);

    assertThat(new String(changed.companions().get(ProvenanceCsv.FILE), StandardCharsets.UTF_8))
        .as("the provenance.csv names the new digest")
        .contains("0".repeat(64));
    assertThat(changed.companions().get(ProvenanceCsv.FILE))
        .isNotEqualTo(F.builder.compose(MIDTERM).companions().get(ProvenanceCsv.FILE));
    assertThat(FiguresDigest.of(changed, Optional.empty())).isEqualTo(before);
  }

  @Test
  void shouldStayTheSameWhenOnlyAFilesNameOrTheLinesOfItsFiguresChange() {
    UnaryOperator<Source> rename =
        s ->
            new Source(
                s.file().replace("nanchuan-2023-sample", "nanchuan-2023-corrected"),
                s.line() + 3,
                s.item(),
                s.raw(),
                s.value(),
                s.origin());
    IndicatorDeriver.Result renamed = map(v -> withSources(v, rename));
    PublicationComposer composer =
        new PublicationComposer(
            F.plan,
            renamed,
            inputs(
                f ->
                    new InputFile(
                        f.name().replace("nanchuan-2023-sample", "nanchuan-2023-corrected"),
                        f.path(),
                        f.sha256(),
                        f.size())));

    for (PublicationKey key : List.of(MIDTERM, ZONE, ANNUAL_2022)) {
      // The PDF names no file or line (its appendix is in words); its provenance.csv does.
      assertThat(composer.compose(key).sections().toString())
          .isEqualTo(F.builder.compose(key).sections().toString());
      assertThat(composer.compose(key).companions().get(ProvenanceCsv.FILE))
          .isNotEqualTo(F.builder.compose(key).companions().get(ProvenanceCsv.FILE));
      assertThat(digest(composer, key)).as(key.folderName()).isEqualTo(digest(F.builder, key));
    }
  }

  @Test
  void shouldChangeWhenAFigureThePublicationPrintsChangesAndOnlyForThosePrintingIt() {
    String code = midtermRow5();
    IndicatorDeriver.Result corrected =
        map(
            v ->
                v.indicator().equals(code) && v.year() == 2023
                    ? new IndicatorValue(
                        v.indicator(),
                        v.year(),
                        v.value().add(BigDecimal.ONE),
                        v.preliminary(),
                        v.sample(),
                        v.formula(),
                        v.sources())
                    : v);

    assertThat(digest(corrected, MIDTERM)).isNotEqualTo(digest(F.builder, MIDTERM));
    assertThat(digest(corrected, key("2023-annual")))
        .isNotEqualTo(digest(F.builder, key("2023-annual")));
    assertThat(digest(corrected, ZONE)).isEqualTo(digest(F.builder, ZONE));
    assertThat(digest(corrected, ANNUAL_2022)).isEqualTo(digest(F.builder, ANNUAL_2022));
  }

  @Test
  void shouldChangeWhenAPrintedFiguresRawTextSourceOrMarkChanges() {
    String code = midtermRow5();
    String before = digest(F.builder, MIDTERM);
    UnaryOperator<UnaryOperator<IndicatorValue>> only =
        change -> v -> v.indicator().equals(code) && v.year() == 2023 ? change.apply(v) : v;
    List<UnaryOperator<IndicatorValue>> changes =
        List.of(
            v ->
                withSources(
                    v,
                    s ->
                        new Source(
                            s.file(), s.line(), s.item(), s.raw() + "1", s.value(), s.origin())),
            v ->
                withSources(
                    v, s -> new Source(s.file(), s.line(), s.item(), s.raw(), s.value(), "区统计局")),
            v ->
                new IndicatorValue(
                    v.indicator(),
                    v.year(),
                    v.value(),
                    !v.preliminary(),
                    v.sample(),
                    v.formula(),
                    v.sources()),
            v ->
                new IndicatorValue(
                    v.indicator(),
                    v.year(),
                    v.value(),
                    v.preliminary(),
                    !v.sample(),
                    v.formula(),
                    v.sources()),
            v ->
                new IndicatorValue(
                    v.indicator(),
                    v.year(),
                    v.value().add(new BigDecimal("0.001")),
                    v.preliminary(),
                    v.sample(),
                    v.formula(),
                    v.sources()));
    for (UnaryOperator<IndicatorValue> change : changes) {
      assertThat(digest(map(only.apply(change)), MIDTERM)).isNotEqualTo(before);
    }
  }

  /** 0.70 → 0.7 and 561.2 → 561.20, as Excel re-saves an extract; 86200 → ８６２００ or "86,200". */
  private static String resaved(String raw) {
    if (raw.matches("\\d+\\.\\d*0")) {
      return raw.replaceAll("\\.?0+$", "");
    }
    if (raw.matches("\\d+\\.\\d+")) {
      return raw + "0";
    }
    if (raw.matches("\\d{4,}")) {
      return raw.length() % 2 == 0
          ? raw.substring(0, raw.length() - 3) + "," + raw.substring(raw.length() - 3)
          : raw.chars()
              .mapToObj(c -> String.valueOf((char) (c - '0' + '\uFF10')))
              .reduce("", String::concat);
    }
    return raw;
  }

  @Test
  void shouldStayTheSameWhenTheInputWritesTheSameValuesOtherwise() {
    IndicatorDeriver.Result resaved =
        map(
            v ->
                new IndicatorValue(
                    v.indicator(),
                    v.year(),
                    v.value().scale() > 0
                        ? v.value().stripTrailingZeros()
                        : v.value().setScale(v.value().scale() + 2),
                    v.preliminary(),
                    v.sample(),
                    v.formula(),
                    v.sources().stream()
                        .map(
                            s ->
                                new Source(
                                    s.file(),
                                    s.line(),
                                    s.item(),
                                    resaved(s.raw()),
                                    s.value() == null
                                        ? null
                                        : s.value().setScale(s.value().scale() + 1),
                                    s.origin()))
                        .toList()));
    PublicationComposer composer = new PublicationComposer(F.plan, resaved, inputs(f -> f));

    for (PublicationKey key : List.of(MIDTERM, ZONE, ANNUAL_2022, key("2023-annual"))) {
      PublicationContent before = F.builder.compose(key);
      PublicationContent after = composer.compose(key);
      assertThat(after.figures()).as("the text as written differs").isNotEqualTo(before.figures());
      assertThat(FiguresDigest.of(after, Optional.empty()))
          .as(key.folderName())
          .isEqualTo(FiguresDigest.of(before, Optional.empty()));
      assertThat(
              FiguresDigest.matches(
                  FiguresDigest.of(before, Optional.empty()), after, Optional.empty()))
          .isTrue();
    }
  }

  @Test
  void shouldRecogniseADigestRecordedAsWrittenButRecordNewOnesByValue() {
    PublicationContent content = F.builder.compose(MIDTERM);
    String recordedBefore = FiguresDigest.legacy(content, Optional.empty());

    assertThat(FiguresDigest.of(content, Optional.empty())).isNotEqualTo(recordedBefore);
    assertThat(FiguresDigest.matches(recordedBefore, content, Optional.empty())).isTrue();
    assertThat(
            FiguresDigest.matches(
                FiguresDigest.legacy(F.builder.compose(ZONE), Optional.empty()),
                content,
                Optional.empty()))
        .isFalse();
  }

  @Test
  void shouldCountACorrectionNoticesFiguresButNotItsReason() {
    PublicationContent content = F.builder.compose(MIDTERM);
    CorrectionNotice.Change change =
        new CorrectionNotice.Change("table2.csv", "表2", "1", "R&D", "value", "8.62", "8.82");
    String none = FiguresDigest.of(content, Optional.empty());
    String notice =
        FiguresDigest.of(content, Optional.of(new CorrectionNotice(2, 1, "核定", List.of(change))));

    assertThat(notice).isNotEqualTo(none);
    assertThat(
            FiguresDigest.of(
                content, Optional.of(new CorrectionNotice(2, 1, "另一原因", List.of(change)))))
        .isEqualTo(notice);
    assertThat(FiguresDigest.of(content, Optional.of(new CorrectionNotice(2, 1, "核定", List.of()))))
        .isNotEqualTo(notice)
        .isNotEqualTo(none);
    CorrectionNotice.Change other =
        new CorrectionNotice.Change("table2.csv", "表2", "1", "R&D", "value", "8.62", "8.92");
    assertThat(
            FiguresDigest.of(
                content, Optional.of(new CorrectionNotice(2, 1, "核定", List.of(other)))))
        .isNotEqualTo(notice);
  }
}
