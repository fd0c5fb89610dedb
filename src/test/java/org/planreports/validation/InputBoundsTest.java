package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.core.Finding;
import org.planreports.core.Limits;
import org.planreports.ingest.EncodingDetector;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;

/**
 * What the database and the fonts need of an extract (issue 9): the plan period, the plan's region,
 * characters the bundled fonts draw, and encodings told by name; the streaming reader keeps line
 * numbers and decides the encoding on what it has read.
 */
class InputBoundsTest {

  private static final Plan PLAN = PlanLoader.loadDefault();
  private static final String HEADER =
      "region_code,year,item_code,value,unit,source,status,note\r\n";

  private static List<Finding> rowFindings(Plan plan, String row) {
    List<Finding> all = new java.util.ArrayList<>();
    RowRules rules = new RowRules(plan);
    for (RawRow r :
        ExtractParser.parse("a.csv", (HEADER + row).getBytes(StandardCharsets.UTF_8), null)) {
      all.addAll(rules.check(r).findings());
    }
    return all;
  }

  @ParameterizedTest
  @CsvSource({
    "1990,earlier",
    "2014,earlier",
    "2015,",
    "2018,",
    "2025,",
    "2031,error",
    "2032,error"
  })
  void shouldIgnoreYearsBeforeThePlanAndRejectYearsAfterIt(int year, String outcome) {
    String row = "500119," + year + ",ENT_HNTE,52,家,区统计局,正式,\r\n";
    List<Finding> f = rowFindings(PLAN, row);
    RowRules.Checked checked = checked(PLAN, row);
    if ("error".equals(outcome)) {
      assertThat(f)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.code()).isEqualTo("E_YEAR_PERIOD");
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.message()).contains("基期2020年", "目标年2025年", "上期基期2015年");
                assertThat(e.expected()).isEqualTo("2015—2025年");
              });
      assertThat(checked.earlierYear()).isNull();
    } else if ("earlier".equals(outcome)) {
      // Counted and ignored, whatever else the row holds: never staged, no finding of its own.
      assertThat(f).isEmpty();
      assertThat(checked.value()).isNull();
      assertThat(checked.earlierYear()).isEqualTo(year);
      assertThat(checked(PLAN, "500119," + year + ",NO_SUCH_ITEM,约52,斤,,最终,\r\n").findings())
          .isEmpty();
    } else {
      assertThat(f).isEmpty();
      assertThat(checked.value()).isNotNull();
      assertThat(checked.earlierYear()).isNull();
    }
  }

  private static RowRules.Checked checked(Plan plan, String row) {
    List<RawRow> rows =
        ExtractParser.parse("a.csv", (HEADER + row).getBytes(StandardCharsets.UTF_8), null);
    return new RowRules(plan).check(rows.get(0));
  }

  @Test
  void shouldWarnOfTheEarlierYearsOfEachFileWithTheirCountAndYears() {
    List<Finding> f =
        EarlierYears.check(
            PLAN,
            Map.of(
                "series.csv", Map.of(2010, 40L, 2011, 40L, 2012, 40L, 2014, 40L, 1999, 3L),
                "own.csv", Map.of()));
    assertThat(f)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.isError()).isFalse();
              assertThat(w.code()).isEqualTo("W_YEAR_BEFORE_PLAN");
              assertThat(w.file()).isEqualTo("series.csv");
              assertThat(w.column()).isEqualTo("year");
              assertThat(w.text()).isEqualTo("1999、2010—2012、2014");
              assertThat(w.message()).contains("163行", "1999、2010—2012、2014年", "2015年起", "已忽略");
              assertThat(w.expected()).startsWith("2015—2025年");
            });
  }

  @Test
  void shouldKeepTheYearsThePlanUsesAsBaselines() {
    // The bundled plan compares with the previous period's base year 2015; a plan without a
    // previous period begins at its base year.
    assertThat(RowRules.firstYear(PLAN)).isEqualTo(2015);
    Plan other =
        PlanLoader.load(Path.of("src/test/resources/fixtures/plans/scheme-2027/plan.properties"));
    assertThat(RowRules.firstYear(other)).isEqualTo(other.meta().baseYear());
  }

  @Test
  void shouldTakeThePeriodFromThePlanBundle() {
    Plan other =
        PlanLoader.load(Path.of("src/test/resources/fixtures/plans/scheme-2027/plan.properties"));
    String code = other.meta().regionCode();
    assertThat(checked(other, code + ",2021,ENT_HNTE,52,家,区统计局,正式,\r\n").earlierYear())
        .isEqualTo(2021);
    assertThat(rowFindings(other, code + ",2028,ENT_HNTE,52,家,区统计局,正式,\r\n"))
        .extracting(Finding::code)
        .contains("E_YEAR_PERIOD");
    assertThat(rowFindings(other, code + ",2027,ENT_HNTE,52,家,区统计局,正式,\r\n"))
        .extracting(Finding::code)
        .doesNotContain("E_YEAR_PERIOD");
  }

  @Test
  void shouldWarnOfRowsOfOtherRegionsWithTheirCountAndCodes() {
    List<Finding> f =
        RegionCoverage.check(
            PLAN,
            Map.of(
                "city.csv", Map.of("500119", 40L, "500120", 2L, "500121", 1L),
                "own.csv", Map.of("500119", 42L)));
    assertThat(f)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.isError()).isFalse();
              assertThat(w.code()).isEqualTo("W_REGION_OTHER");
              assertThat(w.file()).isEqualTo("city.csv");
              assertThat(w.message()).contains("3行", "2个", "500120×2", "500121×1");
            });
  }

  @Test
  void shouldWarnOfAnUnknownColumnWhateverTheLengthOfItsName() {
    String longName = "2015年以来各年度统计数据说明".repeat(10);
    String text =
        "region_code,year,item_code,value,unit,source,status,note,"
            + longName
            + "\r\n500119,2023,RD_EXP,8.62,亿元,区统计局,正式,,说明\r\n";
    List<RawRow> rows =
        ExtractParser.parse("long.csv", text.getBytes(StandardCharsets.UTF_8), null);
    assertThat(rows.get(0).problems())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.isError()).isFalse();
              assertThat(w.code()).isEqualTo("W_EXTRA_COLUMN");
              assertThat(w.line()).isEqualTo(1);
              assertThat(w.message()).contains("第9列", longName.length() + "个字符", "已忽略");
              assertThat(w.text()).startsWith("2015年以来").hasSizeLessThan(40);
              assertThat(w.column()).hasSizeLessThan(40);
            });
    RowRules.Checked checked = new RowRules(PLAN).check(rows.get(1));
    assertThat(checked.findings()).isEmpty();
    assertThat(checked.value().raw()).isEqualTo("8.62");
  }

  @Test
  void shouldStillCutAHeaderLongerThanTheLineLimit() {
    String text =
        "region_code,year,item_code,value,unit,source,status,note,"
            + "x".repeat(Limits.LINE + 10)
            + "\r\n500119,2023,RD_EXP,8.62,亿元,区统计局,正式,,\r\n";
    List<RawRow> rows =
        ExtractParser.parse("wide.csv", text.getBytes(StandardCharsets.UTF_8), null);
    assertThat(rows.get(0).problems())
        .extracting(Finding::code, Finding::line)
        .contains(org.assertj.core.groups.Tuple.tuple("E_TOO_LONG", 1L));
  }

  @Test
  void shouldTellUtf16AndUtf32ByName() {
    String text = HEADER + "500119,2023,GDP,421.3,亿元,区统计局,正式,\r\n";
    assertThat(EncodingDetector.wideUnicode(text.getBytes(StandardCharsets.UTF_16LE)))
        .contains("UTF-16LE（无BOM）");
    assertThat(EncodingDetector.wideUnicode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE)))
        .contains("UTF-16BE（带BOM）");
    assertThat(EncodingDetector.wideUnicode(text.getBytes(Charset.forName("UTF-32BE"))))
        .contains("UTF-32BE（无BOM）");
    assertThat(
            EncodingDetector.wideUnicode(("\uFEFF" + text).getBytes(Charset.forName("UTF-32LE"))))
        .contains("UTF-32LE（带BOM）");
    assertThat(EncodingDetector.wideUnicode(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(EncodingDetector.wideUnicode(text.getBytes(EncodingDetector.GB18030))).isEmpty();
    List<RawRow> rows =
        ExtractParser.parse("w.csv", text.getBytes(StandardCharsets.UTF_16LE), null);
    assertThat(rows)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.problems().get(0).message())
                    .contains("UTF-16LE", "另存为“CSV UTF-8”")
                    .doesNotContain("控制字符"));
  }

  @Test
  void shouldReportACharacterTheFontsCannotDrawInTheFileName() {
    List<RawRow> rows =
        ExtractParser.parse(
            "数据\uD83D\uDE00.csv",
            (HEADER + "500119,2023,GDP,421.3,亿元,区统计局,正式,\r\n").getBytes(StandardCharsets.UTF_8),
            null);
    assertThat(rows.get(0).problems())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("E_GLYPH");
              assertThat(e.message()).contains("文件名", "U+1F600");
            });
    assertThat(rows.get(1).cell("value")).isEqualTo("421.3");
  }

  @Test
  void shouldDecideGb18030OnTheFirstNonAsciiBytesEvenFarIntoTheFile() {
    StringBuilder text = new StringBuilder(HEADER);
    int rows = 3000; // ≈ 120 kB of ASCII before the first Chinese character
    for (int i = 0; i < rows; i++) {
      text.append("500119,2023,GDP,421.3,,,,\r\n");
    }
    text.append("500119,2023,RD_EXP,8.62,亿元,区统计局,正式,\r\n");
    List<RawRow> read =
        ExtractParser.parse("gb.csv", text.toString().getBytes(EncodingDetector.GB18030), null);
    RawRow last = read.get(read.size() - 1);
    assertThat(last.problems()).isEmpty();
    assertThat(last.line()).isEqualTo(rows + 2);
    assertThat(last.cell("source")).isEqualTo("区统计局");
  }

  @Test
  void shouldPointAtAnUndecodableByteFarIntoAUtf8File() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(
        (HEADER + "500119,2023,RD_EXP,8.62,亿元,区统计局,正式,\r\n").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 5000; i++) {
      bytes.write("500119,2023,GDP,421.3,亿元,,,\r\n".getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(new byte[] {'5', '0', (byte) 0xFF, ',', '\r', '\n'});
    List<RawRow> read = ExtractParser.parse("u.csv", bytes.toByteArray(), null);
    RawRow last = read.get(read.size() - 1);
    assertThat(last.problems())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("E_ENCODING");
              assertThat(e.line()).isEqualTo(5003);
              assertThat(e.message()).contains("第5003行（按UTF-8）");
            });
    assertThat(read).hasSize(5002);
  }

  @Test
  void shouldCutAnOverlongLineAndReadOnWithTheRightLineNumbers() {
    String longCell = "\"" + "长\r\n".repeat(10_000) + "\"";
    String text =
        HEADER
            + "500119,2023,RD_EXP,8.62,亿元,区统计局,正式,"
            + "x".repeat(3_000_000)
            + "\r\n500119,2023,GDP,421.3,亿元,区统计局,正式,"
            + longCell
            + "\r\n500119,2023,ENT_HNTE,52,家,区统计局,正式,\r\n";
    List<RawRow> read = ExtractParser.parse("l.csv", text.getBytes(StandardCharsets.UTF_8), null);
    assertThat(read).hasSize(3);
    assertThat(read.get(0).problems())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("E_TOO_LONG");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.message()).contains("3000035个字符", "10000");
              assertThat(e.text()).hasSizeLessThan(Limits.FINDING_TEXT + 20);
            });
    assertThat(read.get(1).problems()).extracting(Finding::code).containsExactly("E_TOO_LONG");
    assertThat(read.get(1).line()).isEqualTo(3);
    assertThat(read.get(2).problems()).isEmpty();
    assertThat(read.get(2).line()).isEqualTo(3 + 10_000 + 1);
    assertThat(read.get(2).cell("item_code")).isEqualTo("ENT_HNTE");
  }
}
