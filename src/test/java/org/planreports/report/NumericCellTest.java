package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PublicationKey;

/**
 * Every figure of every table row prints whole, in every publication of 南川 and of every fixture
 * plan (the publications {@link PageScanTest} scans): each cell the template is given is in the
 * PDF's text, and so are the 评估值, 完成进度 and the change since the base (评估值 − 基期值) that the companion
 * CSV gives for the row. A cell too wide for its column is not clipped ("↑304" for 3045).
 */
@Tag("pdf")
class NumericCellTest {

  static java.util.stream.Stream<Arguments> publications() throws java.io.IOException {
    return PageScanTest.publications();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publications")
  void shouldPrintEveryFigureWhole(String name, PublicationFixtures f, PublicationKey key)
      throws Exception {
    PublicationContent content = f.builder.compose(key);
    String text;
    try (PDDocument doc = Loader.loadPDF(PageScanTest.pdf(name, content))) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
    List<String> cells = new ArrayList<>();
    for (Section s : content.sections()) {
      if (!s.template().equals("assessment-table") && !s.template().equals("table1")) {
        continue;
      }
      for (Map<String, Object> row : s.rows()) {
        for (String k : row.keySet()) {
          if (!k.endsWith("_i")) {
            continue;
          }
          String field = k.substring(0, k.length() - 2);
          Object whole = row.get(field + "_w");
          String printed =
              whole != null ? whole.toString() : row.get(k) + nz(row.get(field + "_f"));
          cells.add(printed.replaceAll("\\s+", ""));
        }
      }
    }
    for (String cell : cells) {
      assertThat(text).as("%s prints the cell %s whole", name, cell).contains(cell);
    }
    for (Map.Entry<String, byte[]> e : content.companions().entrySet()) {
      List<String> lines =
          new String(e.getValue(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
      if (lines.isEmpty() || !lines.get(0).startsWith("table,seq,indicator,unit")) {
        continue;
      }
      List<String> head = List.of(lines.get(0).split(",", -1));
      if (!head.containsAll(List.of("value", "completion_pct", "baseline"))) {
        continue;
      }
      for (String line : lines.subList(1, lines.size())) {
        List<String> c = List.of(line.split(",", -1));
        String value = c.get(head.indexOf("value"));
        String completion = c.get(head.indexOf("completion_pct"));
        String baseline = c.get(head.indexOf("baseline"));
        if (!completion.isEmpty()) {
          assertThat(text).as("%s %s 完成进度", name, line).contains(completion + "%");
        }
        if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
          continue;
        }
        assertThat(text).as("%s %s 评估值", name, line).contains(value);
        if (key.type().equals(org.planreports.plan.PublicationType.FINAL)
            && !completion.isEmpty()
            && baseline.matches("-?[0-9]+(\\.[0-9]+)?")) {
          BigDecimal v = new BigDecimal(value);
          String change = Fmt.change(v.subtract(new BigDecimal(baseline)), v.scale());
          assertThat(text).as("%s %s 较基期变化", name, line).contains(change);
        }
      }
    }
  }

  private static String nz(Object o) {
    return o == null ? "" : o.toString();
  }
}
