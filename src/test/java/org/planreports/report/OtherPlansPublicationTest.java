package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every publication of three plan bundles unlike 南川's (src/test/resources/fixtures/plans/), built
 * and rendered as the job does: nothing of another plan, no empty section, every declared table,
 * targets as worded, and statuses computed by hand.
 */
@Tag("pdf")
class OtherPlansPublicationTest {

  private static final Path PLANS = Path.of("src/test/resources/fixtures/plans");
  private static final Map<String, PublicationContent> contents = new LinkedHashMap<>();
  private static final Map<String, String> texts = new LinkedHashMap<>();
  private static final Map<String, byte[]> pdfs = new LinkedHashMap<>();
  private static PublicationFixtures scheme;
  private static PublicationFixtures district;
  private static PublicationFixtures zone;

  @BeforeAll
  static void publishEverythingBothPlansSupport() throws IOException {
    scheme = read("scheme-2027");
    district = read("district-binding");
    zone = read("zone-news");
    PublicationRenderer renderer = new PublicationRenderer();
    for (PublicationFixtures f : List.of(scheme, district, zone)) {
      for (PublicationKey key : PublicationPlanner.supported(f.plan, f.data)) {
        PublicationContent content = f.builder.compose(key);
        byte[] pdf = renderer.render(content);
        String name = key.stem();
        contents.put(name, content);
        pdfs.put(name, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
          // Line breaks fall anywhere in CJK text: compare without whitespace.
          texts.put(name, new PDFTextStripper().getText(doc).replaceAll("\\s+", ""));
        }
      }
    }
  }

  private static PublicationFixtures read(String bundle) {
    Path dir = PLANS.resolve(bundle);
    return PublicationFixtures.read(
        dir.resolve("extracts"), PlanLoader.load(dir.resolve("plan.properties")));
  }

  @Test
  void shouldPublishWhatEachPlansPeriodAndBulletinsSupport() {
    assertThat(PublicationPlanner.supported(scheme.plan, scheme.data))
        .extracting(PublicationKey::folderName)
        .containsExactly(
            "2023-annual",
            "2024-annual",
            "2025-annual",
            "2025-midterm",
            "2026-annual",
            "2027-annual",
            "2027-final");
    assertThat(PublicationPlanner.supported(district.plan, district.data))
        .extracting(PublicationKey::folderName)
        .containsExactly(
            "2023-annual",
            "2023-midterm",
            "2023-park",
            "2024-park",
            "2025-annual",
            "2025-final",
            "2025-park");
    // Data for 2021 (base), 2023 and 2025 only: no bulletin for 2022 or 2024.
    assertThat(PublicationPlanner.supported(zone.plan, zone.data))
        .extracting(PublicationKey::folderName)
        .containsExactly("2023-annual", "2023-midterm", "2025-annual", "2025-final");
  }

  @Test
  void shouldPrintNothingOfAnotherPlan() {
    assertThat(texts).hasSize(18);
    assertThat(texts.keySet()).filteredOn(n -> n.startsWith("500999")).isNotEmpty();
    texts.forEach(
        (name, text) ->
            assertThat(text)
                .as(name)
                .doesNotContain(
                    "南川",
                    "500119",
                    "专栏1",
                    "高新区",
                    "研发经费",
                    "科技创新“十四五”规划",
                    "《…》",
                    "（）",
                    ">70",
                    ">500"));
    texts.entrySet().stream()
        .filter(e -> e.getKey().startsWith("500999"))
        .forEach(
            e -> assertThat(e.getValue()).as(e.getKey()).doesNotContain("十三五", "2020年", "变化情况"));
  }

  @Test
  void shouldHaveNoEmptySectionOrCompanion() {
    assertThat(contents).hasSize(18);
    contents.forEach(
        (name, c) -> {
          for (Section s : c.sections()) {
            if (s.template().equals("assessment-table") || s.template().equals("table1")) {
              assertThat(s.rows()).as(name + " " + s.bookmark()).isNotEmpty();
            }
          }
          c.companions()
              .forEach((csv, bytes) -> assertThat(rows(bytes)).as(name + " " + csv).isNotEmpty());
          assertThat(texts.get(name)).as(name).doesNotContain("所列0项", "：。");
        });
  }

  @Test
  void shouldCarryEveryDeclaredTableInItsPublications() {
    assertThat(contents.get("500999-2025-midterm").companions())
        .containsOnlyKeys("targets.csv", "provenance.csv");
    assertThat(contents.get("500998-2023-midterm").companions())
        .containsOnlyKeys("table1.csv", "table3.csv", "column2.csv", "provenance.csv");
    assertThat(contents.get("500998-2023-annual").companions())
        .containsOnlyKeys("table3.csv", "provenance.csv");
    assertThat(contents.get("500998-2024-park").companions())
        .containsOnlyKeys("column2.csv", "provenance.csv");
    assertThat(texts.get("500998-2023-midterm"))
        .contains(
            "表1东岭区“十三五”科技创新指标完成情况",
            "“十三五”变化情况",
            "表2东岭区科技创新主要指标评估（规划表3）",
            "表3东岭区科技园区建设主要指标评估（规划专栏2）",
            "《东岭区科技创新发展规划（2021-2025年）》（东岭府发〔2021〕3号）");
    assertThat(texts.get("500998-2024-park"))
        .contains("2024年东岭区科技创新发展规划科技园区建设动态", "表1东岭区科技园区建设主要指标（规划专栏2）");
    // Targets gathered from the text never claim a plan table.
    assertThat(texts.get("500999-2025-midterm"))
        .contains("表1北岸县科技创新主要目标评估", "目标值见规划正文相应段落", "《北岸县科技创新三年行动方案（2022-2027年）》")
        .doesNotContain("照录规划", "（规划表");
  }

  @Test
  void shouldPrintTargetsExactlyAsWorded() {
    assertThat(texts.get("500999-2025-midterm"))
        .contains("50家以上", "3.4%以上", "209人年以上", "10项以上", "前10位", "达到全市前列");
    assertThat(texts.get("500998-2023-midterm")).contains("2.5~2.8", ">8", "≥12");
    // The news summary's wording, decimals and units as printed.
    assertThat(texts.get("500997-2023-midterm"))
        .contains("8000家以上", "6亿元", "建成省级重点实验室1个", "2023年建成");
  }

  /**
   * A baseline printed with its unit or 约 is the plan's number (METRICS.md, Baseline rule 1 and the
   * ruling of 2026-12-05), whatever the extract says for the base year: 5075家 against the extract's
   * 5080, 约3.5亿元 against 3.46.
   */
  @Test
  void shouldAssessFromThePrintedBaselineNotTheExtracts() {
    List<CSVRecord> rows =
        rows(contents.get("500997-2023-midterm").companions().get("targets.csv"));
    assertThat(rows)
        .extracting(r -> r.get("baseline"), r -> r.get("note"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("5075", "2021年数据已修订为5080，仍以规划公布值为基期。"),
            org.assertj.core.groups.Tuple.tuple("10.52", ""),
            org.assertj.core.groups.Tuple.tuple("3.50", "2021年数据已修订为3.46，仍以规划公布值为基期。"));
  }

  @Test
  void shouldShowBlankAttributesAsDashAndSayTheyAreAssessedAsExpected() {
    assertThat(texts.get("500999-2025-midterm")).contains("规划未列明指标属性的，表中作“—”，按预期性指标评价。");
    assertThat(texts.get("500998-2023-midterm")).doesNotContain("规划未列明指标属性");
  }

  @Test
  void shouldChartCumulativeRowsAsRunningSums() {
    Section charts =
        contents.get("500999-2025-midterm").sections().stream()
            .filter(s -> s.template().equals("charts"))
            .findFirst()
            .orElseThrow();
    TrendChart awards =
        charts.rows().stream()
            .map(r -> (TrendChart) r.get("chart"))
            .filter(c -> c.title().startsWith("获得市级以上科技奖励"))
            .findFirst()
            .orElseThrow();
    assertThat(awards.values()).extracting(TrendChart.Point::value).containsExactly(2.0, 3.0, 4.0);
    assertThat(texts.get("500999-2025-midterm")).contains("累计类指标的实际值为规划期逐年累计数");
  }

  @Test
  void shouldGenerateTheMethodologyFromThePlan() {
    String scheme2025 = texts.get("500999-2025-midterm");
    assertThat(scheme2025)
        .contains("基期年份t0：2022年", "中期评估年份：2025年", "2023年至2027年的时序进度依次为20%、40%、60%、80%、100%")
        .contains("累计类：", "定性类：", "本规划所列6项目标均为预期性指标", "其中2项规划未列明指标属性")
        .contains("算例（取自本报告表1序号1）：高新技术企业2022年为20家，目标为2027年50家以上。2025年为38家")
        .doesNotContain("增长类：以年均增长率为目标", "节点类：在规定年份前完成", "差距类：与参照水平", "区间类：以数值区间");
    String district2023 = texts.get("500998-2023-midterm");
    assertThat(district2023)
        .contains("增长类：", "高新技术企业数", "区间类：", "节点类：", "约束性指标2项，预期性指标4项")
        .doesNotContain("累计类：规划期内逐年累加", "定性类：不以数值表述");
  }

  /** Hand computation of each status: see the fixtures' README and the comments. */
  @ParameterizedTest(name = "{0} {1} 序号{2}: {3}")
  @CsvSource({
    // 2025 mid-term of 2022–2027: τ = 3/5 = 60 %.
    "500999-2025-midterm, targets.csv, 1, 达到时序进度, 60.0", // (38−20)/(50−20)
    "500999-2025-midterm, targets.csv, 2, 滞后于时序进度, 42.9", // (2.60−2.00)/(3.4−2.00), S 0.72
    "500999-2025-midterm, targets.csv, 3, 达到时序进度, 67.8", // (190−150)/(209−150), S 1.13
    "500999-2025-midterm, targets.csv, 4, 滞后于时序进度, 40.0", // 2+1+1 = 4 of 10, S 0.67
    "500999-2025-midterm, targets.csv, 5, 达到时序进度, 60.0", // rank (12−15)/(10−15)
    "500999-2025-midterm, targets.csv, 6, 推进中, ''", // reported
    "500999-2027-final, targets.csv, 1, 完成, 106.7", // 52 ≥ 50
    "500999-2027-final, targets.csv, 2, 未完成, 92.9", // 3.30: C < 95 %
    "500999-2027-final, targets.csv, 3, 未完成, 93.2", // 205 of 209
    "500999-2027-final, targets.csv, 4, 完成, 100.0", // 2+1+1+3+3 = 10
    "500999-2027-final, targets.csv, 5, 完成, 100.0", // rank 10 ≤ 10
    "500999-2027-final, targets.csv, 6, 完成, ''", // reported 已完成
    // 2023 mid-term of 2021–2025: τ = 3/5 = 60 %.
    "500998-2023-midterm, table3.csv, 1, 基本达到时序进度, ''", // (140/100)^(1/3)−1 = 11.9 %, r 0.99
    "500998-2023-midterm, table3.csv, 2, 达到时序进度, 60.0", // (1.80−1.50)/(2.0−1.50)
    "500998-2023-midterm, table3.csv, 3, 滞后于时序进度, 40.0", // (6.20−5.00)/(8−5.00), S 0.67
    "500998-2023-midterm, table3.csv, 4, 达到时序进度, 60.0", // (2.30−2.00)/(2.5−2.00)
    "500998-2023-midterm, column2.csv, 1, 已完成, 105.0", // 31 ≥ 30: (31−10)/(30−10)
    "500998-2023-midterm, column2.csv, 2, 达到时序进度, ''", // due 2024, not yet
    "500998-2025-final, table3.csv, 1, 完成, ''", // (180/100)^(1/5)−1 = 12.5 % ≥ 12
    "500998-2025-final, table3.csv, 2, 未完成, 90.0", // 约束性 1.95: C 90 %
    "500998-2025-final, table3.csv, 3, 完成, 103.3", // 8.10 > 8
    "500998-2025-final, table3.csv, 4, 完成, 120.0", // 2.60 inside 2.5~2.8; C to the near bound
    "500998-2025-final, column2.csv, 2, 完成, ''", // happened 2024 ≤ 2024
    // zone-news, 2021–2025, mid-term 2023: τ = (2023−2021)/(2025−2021) = 50 %. Baselines as the
    // plan prints them (5075家, 10.52%, 约3.5亿元), not the extract's 2021 values (5080, 3.46).
    // No 指标属性 anywhere: every row is assessed as 预期性.
    "500997-2023-midterm, targets.csv, 1, 基本达到时序进度, 48.7", // (6500−5075)/(8000−5075), S 0.97
    "500997-2023-midterm, targets.csv, 2, 滞后于时序进度, 47.0", // (12.00−10.52)/(13.67−10.52), S 0.94
    "500997-2023-midterm, targets.csv, 3, 达到时序进度, 52.0", // (4.80−3.50)/(6−3.50), S 1.04
    "500997-2023-midterm, tasks.csv, 1, 推进中, ''", // reported 推进中, due 2025
    "500997-2023-midterm, tasks.csv, 2, 已完成, ''", // reported 已完成
    "500997-2023-annual, targets.csv, 1, 基本达到时序进度, 48.7", // the annual rules are the same
    "500997-2023-annual, tasks.csv, 1, 推进中, ''",
    "500997-2025-annual, targets.csv, 2, 已完成, 110.5", // 84/600 = 14.00 ≥ 13.67
    "500997-2025-final, targets.csv, 1, 完成, 104.1", // 8120 ≥ 8000: (8120−5075)/2925
    "500997-2025-final, targets.csv, 2, 完成, 110.5", // 14.00: (14.00−10.52)/3.15
    "500997-2025-final, targets.csv, 3, 未完成, 84.0", // 5.60: (5.60−3.50)/2.50 < 95 %
    "500997-2025-final, tasks.csv, 1, 完成, ''", // reported 已完成
    "500997-2025-final, tasks.csv, 2, 完成, ''",
  })
  void shouldAssessAsComputedByHand(
      String publication, String csv, String seq, String status, String completion) {
    CSVRecord row =
        rows(contents.get(publication).companions().get(csv)).stream()
            .filter(r -> r.get("seq").equals(seq))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("status")).isEqualTo(status);
    assertThat(row.get("completion_pct")).isEqualTo(completion == null ? "" : completion);
  }

  @Test
  void shouldRenderEveryPublicationAsPdfA2a() throws Exception {
    for (String name : List.of("500999-2027-final", "500998-2024-park", "500997-2023-midterm")) {
      assertThat(PdfA.failures(pdfs.get(name), PDFAFlavour.PDFA_2_A)).as(name).isEmpty();
    }
  }

  private static List<CSVRecord> rows(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (CSVParser p =
        CSVParser.builder()
            .setReader(new StringReader(text))
            .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())
            .get()) {
      return p.getRecords();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldCiteEachTargetsPlanLineOrElseItsTableRow() {
    // Row 1 has source_line 12; row 3 has none and its table is gathered from the text.
    assertThat(target("500999-2027-final", "50家以上"))
        .containsEntry("line", "12")
        .containsEntry("file", "规划文本")
        .satisfies(r -> assertThat(r.get("source")).endsWith("（正文第12行）"));
    assertThat(target("500999-2027-final", "209人年以上"))
        .containsEntry("line", "")
        .satisfies(r -> assertThat(r.get("source")).endsWith("（正文，未注明行号）"));
    // The district's 表3 row 3 names no line of the text: its own table and row are cited.
    assertThat(target("500998-2025-final", "≥12"))
        .containsEntry("line", "60")
        .satisfies(r -> assertThat(r.get("figure")).endsWith("序号1 年均目标值"));
    assertThat(target("500998-2025-final", "2.0")).containsEntry("line", "61");
    assertThat(target("500998-2025-final", ">8"))
        .containsEntry("line", "")
        .satisfies(r -> assertThat(r.get("source")).endsWith("（表3第3行）"));
    // The PDF's appendix names neither: it is in words.
    assertThat(texts.get("500999-2027-final")).doesNotContain("正文第12行");
  }

  /** The provenance.csv row of the target the plan words {@code raw}. */
  private static Map<String, String> target(String publication, String raw) {
    return rows(contents.get(publication).companions().get(ProvenanceCsv.FILE)).stream()
        .filter(r -> r.get("item").isEmpty() && r.get("raw").equals(raw))
        .map(CSVRecord::toMap)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no target " + raw + " in " + publication));
  }
}
