package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A target prints exactly as the plan words it, in every form real plans use, in the cells of every
 * template that prints targets and baselines (the assessment table of the annual bulletin, the
 * mid-term and the final evaluation): the whole wording is in the PDF, nothing clipped.
 */
@Tag("pdf")
class TargetWordingTest {

  private static PdfRenderer pdf;

  @BeforeAll
  static void renderer() {
    pdf = new PdfRenderer();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13.67%",
        "13.7%",
        "3.4%以上",
        "13.67",
        "0.125",
        "2.5",
        "63",
        ">500",
        "≥10",
        "≤15",
        "≥1000000",
        "600亿元以上",
        "1200家以上",
        "10万平方米以上",
        "5%以内",
        "控制在3%以内",
        "力争5项以上",
        "力争2026年",
        "2.5~2.8",
        "2.5%~2.8%",
        "全市前3位",
        "前10位",
        "达到全市平均水平",
        "13.67%（2023年）"
      })
  void shouldPrintTheTargetWhole(String worded) throws Exception {
    for (String column : List.of("时序进度", "较基期变化")) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seq", "1");
      row.put("name", "指标");
      Draft.wordedCell(row, "base", worded);
      Draft.wordedCell(row, "target", worded);
      Draft.cell(row, "value", "—");
      Draft.cell(row, "completion", "—");
      Draft.cell(row, "c9", "—");
      row.put("annual", "—");
      row.put("attr", "预期性");
      row.put("status", "数据不足");
      row.put("status_key", "INSUFFICIENT_DATA");
      row.put("projection", "");
      Map<String, Object> p = new HashMap<>();
      p.put("CAPTION", "表");
      p.put("H_BASE", "2020年现状值");
      p.put("H_TARGET", "目标值");
      p.put("H_ANNUAL", "年均");
      p.put("H_VALUE", "2023年值");
      p.put("H_C9", column);
      p.put("NOTES", "注：1．无。");
      p.put("SOURCE", "资料来源：无。");
      JasperPrint print =
          pdf.fill(
              pdf.loadTemplate("assessment-table"), p, new JRMapCollectionDataSource(List.of(row)));
      byte[] bytes =
          pdf.export(
              List.of(print),
              PdfDocumentInfo.of("t", "a", "s", "k", "zh-CN", java.time.LocalDate.of(2024, 1, 1)));
      try (PDDocument doc = Loader.loadPDF(bytes)) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        // Once as the base, once as the target: both cells print the whole wording.
        int first = text.indexOf(worded);
        assertThat(first).as("%s under %s", worded, column).isNotNegative();
        assertThat(text.indexOf(worded, first + worded.length()))
            .as("%s printed twice under %s", worded, column)
            .isPositive();
      }
    }
  }
}
