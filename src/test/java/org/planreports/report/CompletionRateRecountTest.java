package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PublicationKey;

/**
 * Every 指标完成率 a publication prints — each table's and the plan's as a whole — recounted from the
 * publication's own rows (its companion CSVs) by the rule 附录一 states: 已完成 or 完成 over the rows whose
 * status is not 数据不足, leaving out a milestone not yet happened and not yet due (no value, the
 * publication's year before its target year); the plan-wide rate is the tables' sums.
 */
@Tag("pdf")
class CompletionRateRecountTest {

  private static final Pattern RATE =
      Pattern.compile("(规划整体)?指标完成率为([0-9.]+)%（(?:已完成|完成)(\\d+)项，有数据(\\d+)项）");

  static Stream<Arguments> publications() throws Exception {
    return PageScanTest.publications();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publications")
  void shouldPrintRatesARecountOfItsOwnRowsGives(
      String name, PublicationFixtures f, PublicationKey key) throws Exception {
    PublicationContent content = f.builder.compose(key);
    List<List<Integer>> tables = new ArrayList<>();
    int met = 0;
    int withData = 0;
    int assessmentTables = 0;
    for (Map.Entry<String, byte[]> e : content.companions().entrySet()) {
      String csv = new String(e.getValue(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      if (!csv.startsWith("table,seq,indicator,unit,attribute,baseline_year")) {
        continue;
      }
      assessmentTables++;
      int m = 0;
      int n = 0;
      try (CSVParser p =
          CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(csv))) {
        for (CSVRecord r : p) {
          String status = r.get("status");
          boolean notYetDue =
              r.get("value").isEmpty() && key.year() < Integer.parseInt(r.get("target_year"));
          if (status.equals("数据不足") || notYetDue) {
            continue;
          }
          n++;
          if (status.equals("已完成") || status.equals("完成")) {
            m++;
          }
        }
      }
      if (n > 0) {
        tables.add(List.of(m, n));
      }
      met += m;
      withData += n;
    }
    String text;
    try (PDDocument doc = Loader.loadPDF(PageScanTest.pdf(name, content))) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
    List<List<Integer>> printed = new ArrayList<>();
    boolean planWide = false;
    Matcher m = RATE.matcher(text);
    while (m.find()) {
      int pm = Integer.parseInt(m.group(3));
      int pn = Integer.parseInt(m.group(4));
      assertThat(new BigDecimal(m.group(2)))
          .as("%s: %s", name, m.group())
          .isEqualByComparingTo(
              BigDecimal.valueOf(pm * 100L)
                  .divide(BigDecimal.valueOf(pn), 1, RoundingMode.HALF_UP));
      if (m.group(1) != null) {
        planWide = true;
        assertThat(List.of(pm, pn)).as("%s plan-wide", name).isEqualTo(List.of(met, withData));
      } else {
        printed.add(List.of(pm, pn));
      }
    }
    assertThat(printed)
        .as("%s: each table's rate", name)
        .containsExactlyInAnyOrderElementsOf(tables);
    if (key.type().isEvaluation()) {
      // 附录一 states the rule recounted above, the milestone not yet due included.
      assertThat(text).as(name).contains("节点类指标没有可计的数值，不计入有数据的指标", "各表有数据的指标个数之和");
    }
    // More than one table: the summary also gives the plan as a whole.
    assertThat(planWide)
        .as("%s prints the plan-wide rate", name)
        .isEqualTo(assessmentTables > 1 && withData > 0);
  }
}
