package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The whole publication set of REPORTS.md, built from the bundled extracts (annual, mid-term, zone)
 * and from the complete-period fixture (final evaluation), rendered and checked as a reader and an
 * archive would check them.
 */
@Tag("pdf")
class PublicationSetTest {

  private static final String REGION = "500119";
  private static final PublicationType ZONE = PublicationType.bulletin("zone");

  static List<PublicationType> types() {
    return List.of(PublicationType.ANNUAL, PublicationType.MIDTERM, PublicationType.FINAL, ZONE);
  }

  private static PublicationFixtures bundled;
  private static PublicationFixtures complete;
  private static final Map<PublicationType, PublicationContent> contents =
      new java.util.HashMap<>();
  private static final Map<PublicationType, byte[]> pdfs = new java.util.HashMap<>();
  private static PublicationRenderer renderer;

  @BeforeAll
  static void renderOnePublicationOfEachType() {
    bundled = PublicationFixtures.read(PublicationFixtures.BUNDLED);
    complete = PublicationFixtures.read(PublicationFixtures.FINAL);
    renderer = new PublicationRenderer();
    put(bundled, new PublicationKey(REGION, 2023, PublicationType.ANNUAL));
    put(bundled, new PublicationKey(REGION, 2023, PublicationType.MIDTERM));
    put(bundled, new PublicationKey(REGION, 2023, ZONE));
    put(complete, new PublicationKey(REGION, 2025, PublicationType.FINAL));
  }

  private static void put(PublicationFixtures f, PublicationKey key) {
    PublicationContent content = f.builder.compose(key);
    contents.put(key.type(), content);
    pdfs.put(key.type(), renderer.render(content));
  }

  @Test
  void bundledDataSupportsAnnualZoneAndMidtermButNotFinal() {
    assertThat(PublicationPlanner.supported(bundled.plan, bundled.data))
        .extracting(PublicationKey::folderName)
        .containsExactly(
            "2021-annual",
            "2021-zone",
            "2022-annual",
            "2022-zone",
            "2023-annual",
            "2023-midterm",
            "2023-zone");
  }

  @Test
  void aCompletePeriodSupportsTheFinalEvaluation() {
    assertThat(PublicationPlanner.supported(complete.plan, complete.data))
        .extracting(PublicationKey::folderName)
        .contains("2023-midterm", "2024-annual", "2025-annual", "2025-final", "2025-zone")
        .doesNotContain("2024-midterm", "2024-final");
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyPublicationTypeIsPdfA2a(PublicationType type) throws Exception {
    assertThat(PdfA.failures(pdfs.get(type), PDFAFlavour.PDFA_2_A)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void everySectionIsBookmarkedAndEveryNumberedPageSaysXOfY(PublicationType type) throws Exception {
    PublicationContent content = contents.get(type);
    try (PDDocument doc = Loader.loadPDF(pdfs.get(type))) {
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
      }
      assertThat(titles)
          .containsExactlyElementsOf(content.sections().stream().map(Section::bookmark).toList());
      int pages = doc.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 2; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = stripper.getText(doc);
        assertThat(text).as("page %d", p).contains(p + " / " + pages);
        if (p > 2 || type == PublicationType.MIDTERM || type == PublicationType.FINAL) {
          assertThat(text).as("running header on page %d", p).contains(content.title(), "数据截至");
        }
      }
      assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("重庆市南川区科学技术局");
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(content.title());
      assertThat(doc.getDocumentInformation().getKeywords()).contains("十四五");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void tablesAreTaggedWithHeaderCells(PublicationType type) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdfs.get(type))) {
      Map<String, Integer> roles = new LinkedHashMap<>();
      count(doc.getDocumentCatalog().getStructureTreeRoot(), roles);
      assertThat(roles.getOrDefault("Table", 0)).isPositive();
      assertThat(roles.getOrDefault("TH", 0)).isGreaterThanOrEqualTo(5);
      assertThat(roles.getOrDefault("TD", 0)).isGreaterThan(roles.get("TH"));
      assertThat(roles.getOrDefault("TR", 0)).isGreaterThan(roles.get("Table"));
    }
  }

  private static void count(PDStructureNode node, Map<String, Integer> roles) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        roles.merge(e.getStandardStructureType(), 1, Integer::sum);
        count(e, roles);
      }
    }
  }

  @Test
  void evaluationsHaveOneChartPerTable2IndicatorWithAlternativeText() throws Exception {
    for (PublicationType type : List.of(PublicationType.MIDTERM, PublicationType.FINAL)) {
      try (PDDocument doc = Loader.loadPDF(pdfs.get(type))) {
        List<String> alts = new ArrayList<>();
        figures(doc.getDocumentCatalog().getStructureTreeRoot(), alts);
        assertThat(alts).as(type.id()).hasSize(12).allMatch(a -> a.startsWith("折线图："));
        assertThat(alts.get(0)).contains("全社会R&D经费支出", "2020年6.2", "达标所需路径");
      }
    }
  }

  private static void figures(PDStructureNode node, List<String> alts) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        String alt = e.getAlternateDescription();
        // Charts carry alternative text; the background watermark is decoration.
        if ("Figure".equals(e.getStandardStructureType()) && alt != null && !alt.isEmpty()) {
          alts.add(alt);
        }
        figures(e, alts);
      }
    }
  }

  @Test
  void chartsShowTheRequiredPathToTheTarget() {
    Section charts = section(contents.get(PublicationType.FINAL), "charts");
    TrendChart growth = (TrendChart) charts.rows().get(0).get("chart");
    // ≥10 %/yr on R&D expenditure from 6.20亿元 in 2020.
    assertThat(growth.requiredPath()).hasSize(6);
    assertThat(growth.requiredPath().get(1).value()).isEqualTo(6.82);
    assertThat(growth.target().year()).isEqualTo(2025);
    assertThat(growth.target().value()).isEqualTo(9.99);
    assertThat(growth.values())
        .extracting(TrendChart.Point::year)
        .containsExactly(2020, 2021, 2022, 2023, 2024, 2025);
    TrendChart hnte = (TrendChart) charts.rows().get(4).get("chart");
    // 国家高新技术企业: a straight line from the plan's 30 in 2020 to the target 70 in 2025.
    assertThat(hnte.requiredPath())
        .containsExactly(new TrendChart.Point(2020, 30), new TrendChart.Point(2025, 70));
  }

  @Test
  void midtermReproducesTable1AsThePlanPublishesIt() throws Exception {
    String text = text(PublicationType.MIDTERM);
    assertThat(text)
        .contains("表1", "南川区“十三五”科技创新主要发展指标完成情况")
        .contains("2015年", "2020年", "指标值", "“十三五”变化情况")
        .contains("↑15", "↑1.28", "↑21", "↑25", "↑259", "↑16", "↑168", "↑2.79", "↑12")
        .contains("表2", "南川区“十四五”科技发展主要指标评估")
        .contains("现状值", "目标值", "年均", "指标属性", "2023年值", "完成进度", "时序进度", "评估结论")
        .contains(">500", ">70", "≥10", "预计可完成", "预计难以完成")
        .contains("续附表", "评估方法说明", "指标解释与数据来源", "目  录")
        .contains("资料来源：", "注：1．");
  }

  @Test
  void finalEvaluationShowsFinalStatusesCompletionRateAndChange() throws Exception {
    String text = text(PublicationType.FINAL);
    assertThat(text)
        .contains("总结评估报告", "2025年值", "较基期", "指标完成率为")
        .contains("完成", "基本完成", "未完成")
        .doesNotContain("达到时序进度2", "时序进度 = ");
    Section table2 = section(contents.get(PublicationType.FINAL), "assessment-table");
    Map<String, Object> enterprises = table2.rows().get(3);
    assertThat(enterprises.get("name")).isEqualTo("重庆市科技型企业（家）");
    assertThat(enterprises.get("value_i")).isEqualTo("521");
    assertThat(enterprises.get("c9_i")).isEqualTo("↑262");
    assertThat(enterprises.get("status")).isEqualTo("完成");
    Map<String, Object> hnte = table2.rows().get(4);
    assertThat(hnte.get("status")).isEqualTo("基本完成"); // 68 of >70: C = 95.0 %, 预期性
    assertThat(table2.params().get("H_C9")).isEqualTo("较基期\n变化");
    assertThat(contents.get(PublicationType.FINAL).companions())
        .containsKeys("table1.csv", "table2.csv", "zone-column1.csv", "other-targets.csv");
  }

  @Test
  void bulletinsOpenWithTheirTitleAndHaveNoCoverPage() throws Exception {
    for (PublicationType type : List.of(PublicationType.ANNUAL, ZONE)) {
      PublicationContent content = contents.get(type);
      assertThat(content.sections().get(0).template()).isEqualTo("text");
      try (PDDocument doc = Loader.loadPDF(pdfs.get(type))) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setEndPage(1);
        assertThat(stripper.getText(doc)).contains(content.title(), "重庆市南川区科学技术局", "1 / ");
      }
    }
    assertThat(text(ZONE)).contains("创建成为重庆市级高新区", "创建成为国家高新区", "2023年");
    assertThat(text(PublicationType.ANNUAL)).contains("预警指标");
  }

  @Test
  void sameInputGivesTheSameBytes() {
    PublicationContent again =
        PublicationFixtures.read(PublicationFixtures.FINAL)
            .builder
            .compose(new PublicationKey(REGION, 2025, PublicationType.FINAL));
    assertThat(new PublicationRenderer().render(again)).isEqualTo(pdfs.get(PublicationType.FINAL));
  }

  @Test
  void aLongTableBreaksAcrossPagesWithTheHeaderRepeated() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 160; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", "表" + (i / 40 + 1) + "  测试表");
      row.put("seq", String.valueOf(i));
      row.put("name", "ROW_" + i + " 指标");
      row.put("method", i % 3 == 0 ? "全社会R&D经费支出 ÷ 地区生产总值 × 100%" : "统计数");
      row.put("source", "示例数据（非官方）");
      row.put("remark", i % 5 == 0 ? "2023年为初步数" : "");
      rows.add(row);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("CAPTION", "附表  指标计算方法与数据来源");
    params.put("UNIT", "");
    params.put("NOTES", "注：1．长表分页测试。");
    params.put("SOURCE", "资料来源：测试。");
    for (String h : List.of("SEQ", "NAME", "METHOD", "SOURCE", "REMARK")) {
      params.put("H_" + h, "列" + h);
    }
    Section long_ = new Section("provenance", "", params, rows).withHeading("附录  指标解释与数据来源");
    PublicationContent base = contents.get(ZONE);
    PublicationContent content = withSections(base, List.of(long_));
    byte[] pdf = renderer.render(content);
    assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(3);
      PDFTextStripper stripper = new PDFTextStripper();
      int seen = 0;
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = stripper.getText(doc);
        assertThat(text).as("page %d", p).contains("列NAME", "列METHOD", "列SOURCE");
        if (p > 1) {
          assertThat(text).as("page %d", p).contains("续附表  指标计算方法与数据来源");
        }
        for (int i = 1; i <= 160; i++) {
          if (text.contains("ROW_" + i + " 指标")) {
            seen++;
          }
        }
      }
      assertThat(seen).as("every row printed exactly once").isEqualTo(160);
      stripper.setStartPage(pages);
      stripper.setEndPage(pages);
      assertThat(stripper.getText(doc)).contains("注：1．长表分页测试。", "资料来源：测试。");
    }
  }

  @Test
  void aCharacterWithoutGlyphIsAnErrorNamingItAndItsPage() {
    Map<String, Object> p = new LinkedHashMap<>();
    Map<String, Object> para = new LinkedHashMap<>();
    para.put("kind", "p");
    para.put("text", "示例：象形文字𓀀不在字体中。");
    Section text = new Section("text", "", p, List.of(para)).withHeading("一、测试");
    PublicationContent content = withSections(contents.get(ZONE), List.of(text));
    assertThatThrownBy(() -> renderer.render(content))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessageContaining("U+13000 '𓀀' on page 1")
        .hasMessageContaining("示例：象形文字𓀀不在字体中。");
    assertThatThrownBy(
            () -> TrendChart.of("指标𓀀", "%", List.of(TrendChart.point(2020, 1)), null, List.of()))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessageContaining("U+13000")
        .hasMessageContaining("in chart text")
        .hasMessageContaining("指标𓀀");
  }

  private static PublicationContent withSections(PublicationContent base, List<Section> sections) {
    return new PublicationContent(
        base.key(),
        base.title(),
        base.subject(),
        base.keywords(),
        base.author(),
        base.dataVintage(),
        true,
        LocalDate.of(2023, 12, 31),
        sections,
        Map.of(),
        Map.of());
  }

  private static Section section(PublicationContent content, String template) {
    return content.sections().stream()
        .filter(s -> s.template().equals(template))
        .findFirst()
        .orElseThrow();
  }

  private static String text(PublicationType type) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdfs.get(type))) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
