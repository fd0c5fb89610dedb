package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

@Tag("pdf")
class PdfRendererTest {

  static final PdfDocumentInfo INFO =
      PdfDocumentInfo.of(
          "南川区科技创新规划监测 自检报告",
          "重庆市南川区统计局",
          "渲染自检",
          "十四五, 科技创新, 监测",
          "zh-CN",
          LocalDate.of(2026, 3, 31));

  static final String ROW_NAME = "规模以上工业企业研发机构覆盖率";

  private static PdfRenderer renderer;
  private static byte[] pdf;

  @BeforeAll
  static void renderOnce() {
    renderer = new PdfRenderer();
    pdf = render(renderer, Map.of());
    writeForInspection(pdf);
  }

  /** Leaves the PDF in target/ for a look with a viewer; tests never read it back. */
  private static void writeForInspection(byte[] pdf) {
    try {
      java.nio.file.Files.write(java.nio.file.Path.of("target", "render-selfcheck.pdf"), pdf);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A fresh fill and export of the self-check template; 40 rows make it two pages. */
  static byte[] render(PdfRenderer renderer, Map<String, Object> params) {
    JasperReport template = renderer.loadTemplate("render-selfcheck");
    return renderer.export(List.of(renderer.fill(template, params, rows(40))), INFO);
  }

  static JRMapCollectionDataSource rows(int count) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("name", i + ". " + ROW_NAME);
      row.put("value", i % 7 == 0 ? null : new BigDecimal(i).movePointLeft(2).add(BigDecimal.ONE));
      rows.add(row);
    }
    return new JRMapCollectionDataSource(rows);
  }

  @Test
  void shouldPassPdfA2aValidation() throws Exception {
    assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
  }

  @Test
  void shouldGiveIdenticalBytesForIdenticalInput() {
    byte[] again = render(new PdfRenderer(), Map.of());
    assertThat(again).isEqualTo(pdf);
  }

  /**
   * The house styles parsed once and handed to every fill lay a section out as the template's own
   * default, which names the file and lets JasperReports parse it, does.
   */
  @Test
  void shouldLayOutWithTheParsedStylesAsWithTheStyleFileItself() throws Exception {
    JasperReport text = renderer.loadTemplate("text");
    // The template takes its styles from the parameter (else both fills below would lay out alike
    // without the house styles): its one style template is $P{STYLES}.
    assertThat(text.getTemplates()).hasSize(1);
    assertThat(text.getTemplates()[0].getSourceExpression().getText())
        .isEqualTo("$P{" + PdfRenderer.STYLES_PARAMETER + "}");
    Map<String, Object> params = new HashMap<>();
    params.put("HEADING", ROW_NAME);
    params.put("TITLE", ROW_NAME);
    params.put("HEADER", ROW_NAME);
    params.put("PAGE_OFFSET", 0);
    params.put("TOTAL_PAGES", 1);
    List<Map<String, ?>> rows = new ArrayList<>();
    for (String kind : List.of("h", "p", "li")) {
      rows.add(Map.of("text", kind + " " + ROW_NAME, "kind", kind, "section", 1));
    }
    byte[] parsedOnce =
        renderer.export(
            List.of(renderer.fill(text, params, new JRMapCollectionDataSource(rows))), INFO);
    Map<String, Object> fromFile = new HashMap<>(params);
    fromFile.put(PdfRenderer.STYLES_PARAMETER, PdfRenderer.STYLES_LOCATION);
    byte[] fromTheFile =
        renderer.export(
            List.of(renderer.fill(text, fromFile, new JRMapCollectionDataSource(rows))), INFO);
    assertThat(parsedOnce).isEqualTo(fromTheFile);
    try (PDDocument document = Loader.loadPDF(parsedOnce)) {
      assertThat(new PDFTextStripper().getText(document)).contains("p " + ROW_NAME);
    }
  }

  @Test
  void shouldEmbedEveryFontAndOnlyBundledOnes() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Set<String> names = new HashSet<>();
      for (PDPage page : document.getPages()) {
        collectFonts(page.getResources(), names);
      }
      assertThat(names)
          .isNotEmpty()
          .allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+NotoS(ans|erif)CJKsc-.*"));
      assertThat(names)
          .anyMatch(n -> n.contains("NotoSerifCJKsc-Regular"))
          .anyMatch(n -> n.contains("NotoSansCJKsc-Regular"))
          .anyMatch(n -> n.contains("NotoSansCJKsc-Bold"));
    }
  }

  private static void collectFonts(PDResources resources, Set<String> names) throws Exception {
    if (resources == null) {
      return;
    }
    for (COSName fontName : resources.getFontNames()) {
      PDFont font = resources.getFont(fontName);
      assertThat(font.isEmbedded()).as("embedded: %s", font.getName()).isTrue();
      if (font instanceof PDType0Font type0) {
        assertThat(type0.getDescendantFont().isEmbedded()).isTrue();
      }
      names.add(font.getName());
    }
    for (COSName xObjectName : resources.getXObjectNames()) {
      PDXObject xObject = resources.getXObject(xObjectName);
      if (xObject instanceof PDFormXObject form) {
        collectFonts(form.getResources(), names);
      }
    }
  }

  @Test
  void shouldKeepChineseTextDigitsAndLatinLetters() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("南川区科技创新规划监测 自检报告")
          .contains("宋体正文：2025年目标值≥2.5%，R&D经费123.45亿元，Ａ级 ABC xyz 0123456789。")
          .contains("黑体标题：高新技术企业 128 家，High-tech Zone 2023。")
          .contains("黑体加粗：表2 主要指标 Bold 456")
          .contains("40. " + ROW_NAME)
          .contains("1.39")
          .contains("—")
          .contains("图1 研发经费投入强度");
      assertThat(text.replaceAll("\\s+", " ")).contains("1 / 2").contains("2 / 2");
    }
  }

  @Test
  void shouldCarryMetadataLanguageAndConformance() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo(INFO.title());
      assertThat(info.getAuthor()).isEqualTo(INFO.author());
      assertThat(info.getSubject()).isEqualTo(INFO.subject());
      assertThat(info.getKeywords()).isEqualTo(INFO.keywords());
      assertThat(info.getCreator()).isEqualTo(PdfRenderer.CREATOR);
      assertThat(info.getCreationDate().toInstant())
          .isEqualTo(INFO.creationDate().toInstant())
          .isEqualTo(info.getModificationDate().toInstant());
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8");
      assertThat(xmp)
          .contains("<pdfaid:part>2</pdfaid:part>")
          .contains("<pdfaid:conformance>A</pdfaid:conformance>")
          .contains(INFO.title())
          .contains(INFO.author())
          .contains("2026-03-31T00:00:00+08:00");
      // The trailer ID is derived from the content, not random.
      assertThat(document.getDocument().getTrailer().getCOSArray(COSName.ID).size()).isEqualTo(2);
    }
  }

  @Test
  void shouldCreateBookmarksFromAnchors() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
      }
      assertThat(titles).containsExactly("自检报告", "图1 研发经费投入强度");
    }
  }

  @Test
  void shouldDrawTheChartAsVectorsWithAlternativeText() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        assertNoRasterImages(page.getResources());
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true); // the chart's text is in a nested form XObject
      String text = stripper.getText(document);
      assertThat(text).contains("研发经费投入强度", "实际值", "达标所需路径", "2025年目标值", "单位：%", "2020", "2.5");
      List<String> alts = new ArrayList<>();
      collectFigureAlts(document.getDocumentCatalog().getStructureTreeRoot(), alts);
      assertThat(alts)
          .containsExactly(
              "折线图：研发经费投入强度（单位：%）。2020年1.84，2021年1.95，2022年2.08，2023年2.16。"
                  + "2025年目标值2.5。达标所需路径：2020年1.84至2025年2.5。");
    }
  }

  private static void assertNoRasterImages(PDResources resources) throws Exception {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject xObject = resources.getXObject(name);
      assertThat(xObject).isNotInstanceOf(PDImageXObject.class);
      if (xObject instanceof PDFormXObject form) {
        assertNoRasterImages(form.getResources());
      }
    }
  }

  private static void collectFigureAlts(PDStructureNode node, List<String> alts) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        String role = element.getStandardStructureType();
        if ("Figure".equals(role)) {
          alts.add(element.getAlternateDescription());
        }
        collectFigureAlts(element, alts);
      }
    }
  }

  @Test
  void shouldRejectCharacterWithoutGlyph() {
    JasperReport template = renderer.loadTemplate("render-selfcheck");
    JasperPrint print = renderer.fill(template, Map.of("EXTRA_TEXT", " 象形文字𓀀"), rows(3));
    assertThatThrownBy(() -> renderer.export(List.of(print), INFO))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessage(
            "font 'Noto Sans CJK SC' has no glyph for U+13000 '𓀀' on page 1"
                + " in text \"黑体加粗：表2 主要指标 Bold 456 象形文字𓀀\"")
        .satisfies(
            e -> {
              MissingGlyphException m = (MissingGlyphException) e;
              assertThat(m.getCodePoint()).isEqualTo(0x13000);
              assertThat(m.getPageNumber()).isEqualTo(1);
            });
  }

  @Test
  void bundledFontsReallyLackTheTestCharacters() {
    for (String family : List.of(ReportFonts.SERIF, ReportFonts.SANS)) {
      for (int style : List.of(Font.PLAIN, Font.BOLD)) {
        Font font = ReportFonts.awtFont(renderer.context(), family, style, 10f);
        assertThat(font.getFontName()).startsWith(family);
        assertThat(font.canDisplay(0x13000)).isFalse();
        assertThat(font.canDisplay(0x10FFFD)).isFalse();
        assertThat(font.canDisplay('南')).isTrue();
        assertThat(font.canDisplay('A')).isTrue();
        assertThat(font.canDisplay('7')).isTrue();
      }
    }
  }

  @Test
  void shouldRejectPrivateUseCharacterOnSecondPage() {
    JasperReport template = renderer.loadTemplate("render-selfcheck");
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(Map.of("name", i == 59 ? "私用区\uDBFF\uDFFD字符" : "行" + i));
    }
    JasperPrint print = renderer.fill(template, Map.of(), new JRMapCollectionDataSource(rows));
    assertThatThrownBy(() -> renderer.checkGlyphs(List.of(print)))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessageContaining("U+10FFFD")
        .hasMessageContaining("on page 2")
        .hasMessageContaining("私用区\uDBFF\uDFFD字符");
  }

  @Test
  void shouldRejectChartTextWithoutGlyph() {
    assertThatThrownBy(
            () -> TrendChart.of("指标𓀀", "%", List.of(TrendChart.point(2020, 1)), null, List.of()))
        .isInstanceOf(MissingGlyphException.class)
        .hasMessageContaining("U+13000")
        .hasMessageContaining("in chart text");
  }

  @Test
  void shouldExportSeveralPrintsWithAReportLevelBookmarkEach() throws Exception {
    JasperReport template = renderer.loadTemplate("render-selfcheck");
    JasperPrint first = renderer.fill(template, Map.of("HEADING", "第一部分"), rows(2));
    first.setName("一、年度监测公报");
    JasperPrint second = renderer.fill(template, Map.of("HEADING", "第二部分"), rows(2));
    second.setName("二、高新区创建主要指标动态");
    byte[] batch = renderer.export(List.of(first, second), INFO);
    try (PDDocument document = Loader.loadPDF(batch)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
        for (PDOutlineItem child : item.children()) {
          titles.add("  " + child.getTitle());
        }
      }
      assertThat(titles)
          .containsExactly(
              "一、年度监测公报", "  自检报告", "  图1 研发经费投入强度", "二、高新区创建主要指标动态", "  自检报告", "  图1 研发经费投入强度");
    }
  }

  @Test
  void shouldEmbedFromTheSharedFontsLoadedOncePerJvm() throws Exception {
    List<String> faces = PdfFonts.embeddedFaces(renderer.context());
    for (String bundled :
        List.of(
            "fonts/NotoSerifCJKsc-Regular.otf",
            "fonts/NotoSansCJKsc-Regular.otf",
            "fonts/NotoSansCJKsc-Bold.otf")) {
      // the plain file's absolute path, where OpenPDF reads it
      assertThat(faces).anyMatch(f -> f.endsWith(bundled) && java.nio.file.Path.of(f).isAbsolute());
    }
    assertThat(PdfFonts.concurrentExports()).isTrue();
    for (String face : faces) {
      // what the exporter asks OpenPDF for (FontFactory.getFont, then BaseFont.createFont)
      com.lowagie.text.Font exported =
          com.lowagie.text.FontFactory.getFont(
              face, com.lowagie.text.pdf.BaseFont.IDENTITY_H, true, 10f, 0, null);
      assertThat(exported.getBaseFont()).as(face).matches(PdfFonts::isLoaded, "loaded by PdfFonts");
    }
  }

  @Test
  void shouldFindEveryOccurrenceOfThePlaceholderTheNaiveWay() {
    java.util.Random random = new java.util.Random(7);
    byte[] needle = "abcab".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int round = 0; round < 200; round++) {
      byte[] haystack = new byte[random.nextInt(60)];
      for (int i = 0; i < haystack.length; i++) {
        haystack[i] = (byte) ("abc".charAt(random.nextInt(3)));
      }
      List<Integer> naive = new ArrayList<>();
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
          naive.add(i);
        }
      }
      assertThat(PdfRenderer.occurrences(haystack, needle)).isEqualTo(naive);
    }
  }

  @Test
  void shouldRefuseUnknownTemplate() {
    assertThatThrownBy(() -> renderer.loadTemplate("no-such-report"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/reports/no-such-report.jasper");
  }

  @Test
  void shouldGiveTheDigestOfTheVeryBytesItExports() throws Exception {
    JasperReport template = renderer.loadTemplate("render-selfcheck");
    PdfRenderer.Pdf pdf =
        renderer.exportWithDigest(
            List.of(renderer.fill(template, Map.of("HEADING", "摘要"), rows(3))), INFO);

    assertThat(pdf.sha256())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf.bytes())));
    String text = new String(pdf.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain(DeterministicPdfProducer.FILE_ID_PLACEHOLDER);
  }
}
