package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.indicator.IndicatorValue;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.CorrectionNotice;

/**
 * A correction notice as the publication prints it, for a bulletin (whose 表1 is the plan's 表2 and
 * 表2 the plan's other targets) and a mid-term evaluation: its CSV and its PDF cite the same tables
 * and rows, by the publication's own table numbers, and list only figures the publication prints; a
 * corrected edition says 第N版（更正） on its first page, edition 1 does not.
 */
@Tag("pdf")
class CorrectionNoticePublicationTest {

  private static final PublicationFixtures F =
      PublicationFixtures.read(PublicationFixtures.BUNDLED);

  /** Every 2023 figure corrected by a tenth: values, progress, statuses and projections change. */
  private static PublicationComposer corrected;

  private static PublicationRenderer renderer;

  private static final List<String> NOT_PRINTED =
      List.of("schedule_ratio", "projection", "required_annual_growth_pct");

  @BeforeAll
  static void correctThe2023Figures() {
    Map<String, TreeMap<Integer, IndicatorValue>> series = new LinkedHashMap<>();
    F.data
        .series()
        .forEach(
            (code, values) -> {
              TreeMap<Integer, IndicatorValue> m = new TreeMap<>();
              values.forEach(
                  (y, v) ->
                      m.put(
                          y,
                          y != 2023
                              ? v
                              : new IndicatorValue(
                                  v.indicator(),
                                  v.year(),
                                  v.value().multiply(new BigDecimal("1.1")),
                                  v.preliminary(),
                                  v.sample(),
                                  v.formula(),
                                  v.sources())));
              series.put(code, m);
            });
    corrected =
        new PublicationComposer(
            F.plan,
            new IndicatorDeriver.Result(series, List.of()),
            InputSet.scan(PublicationFixtures.BUNDLED).files());
    renderer = new PublicationRenderer();
  }

  private static PublicationKey key(String folder) {
    return PublicationKey.parse(F.plan.meta().regionCode(), folder);
  }

  private static CorrectionNotice notice(PublicationKey key) {
    return new CorrectionNotice(
        2,
        1,
        "2023年数据经区统计局核定",
        CorrectionNotice.compare(
            F.builder.compose(key).companions(), corrected.compose(key).companions()));
  }

  private static List<CSVRecord> records(byte[] csv) throws Exception {
    String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static List<String> pages(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> pages = new java.util.ArrayList<>();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(p);
        s.setEndPage(p);
        pages.add(s.getText(doc));
      }
      return pages;
    }
  }

  /** Every "表N 第M行" the text cites. */
  private static TreeSet<String> cited(String text) {
    TreeSet<String> rows = new TreeSet<>();
    Matcher m = Pattern.compile("表\\d+ 第\\d+行").matcher(text);
    while (m.find()) {
      rows.add(m.group());
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-annual", "2023-midterm"})
  void shouldCiteTheSameTablesAndRowsInCsvAndPdfAndListOnlyPrintedFigures(String folder)
      throws Exception {
    PublicationKey key = key(folder);
    PublicationContent content = corrected.compose(key);
    CorrectionNotice notice = notice(key);
    assertThat(notice.changes())
        .as("the companion CSVs also changed in columns the publication does not print")
        .extracting(CorrectionNotice.Change::column)
        .contains("schedule_ratio", "projection");

    List<CSVRecord> csv = records(notice.csv(content));
    assertThat(csv).isNotEmpty();
    assertThat(csv).extracting(r -> r.get("column")).doesNotContainAnyElementsOf(NOT_PRINTED);
    for (CSVRecord r : csv) {
      // The table as this publication numbers it, and the plan's own name beside it.
      assertThat(r.get("table")).isEqualTo(content.tableRefs().get(r.get("plan_table")));
    }
    assertThat(csv)
        .extracting(r -> r.get("table"))
        .as("a bulletin numbers the plan's 表2 and its other targets 表1 and 表2")
        .containsAll(folder.endsWith("annual") ? List.of("表1", "表2") : List.of("表2", "表4"));

    PublicationContent noticeOnly =
        new PublicationContent(
            key,
            content.title(),
            content.subject(),
            content.keywords(),
            content.author(),
            content.dataVintage(),
            content.sample(),
            content.documentDate(),
            List.of(notice.section(content)),
            content.companions(),
            content.tableRefs());
    String pdf = String.join("\n", pages(renderer.render(noticeOnly)));
    TreeSet<String> fromCsv = new TreeSet<>();
    csv.forEach(r -> fromCsv.add(r.get("table") + " 第" + r.get("seq") + "行"));
    assertThat(cited(pdf)).isEqualTo(fromCsv);
    assertThat(pdf).contains("下列" + csv.size() + "项数字有变化");
    for (String label : List.of("进度比", "预计目标年值", "剩余年份需年均增长")) {
      assertThat(pdf).doesNotContain(label);
    }
    assertThat(notice.lines(content))
        .hasSize(csv.size() + 1)
        .allSatisfy(l -> assertThat(l).doesNotContain("进度比", "预计目标年值", "其他量化目标 第"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-annual", "2023-midterm"})
  void shouldSayTheEditionAndCorrectionOnTheFirstPage(String folder) throws Exception {
    PublicationKey key = key(folder);
    PublicationContent content = corrected.compose(key);
    CorrectionNotice notice = notice(key);

    List<String> edition2 = pages(renderer.render(notice.into(content)));
    List<String> edition1 = pages(renderer.render(content));

    assertThat(edition2.get(0)).contains("第2版（更正）");
    assertThat(String.join("", edition2.subList(0, 2))).contains("更正说明", "更正原因：2023年数据经区统计局核定");
    assertThat(edition1.get(0)).doesNotContain("第2版", "更正");
    assertThat(String.join("", edition1)).doesNotContain("更正");
  }
}
