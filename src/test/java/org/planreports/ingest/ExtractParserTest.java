package org.planreports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.core.Finding;

class ExtractParserTest {

  private static final String PLAIN =
      "region_code,year,item_code,value,unit\r\n500119,2023,ENT_HNTE,52,家\r\n500119,2023,RD_EXP,8.62,亿元\r\n";

  @Test
  void shouldReadRowsWithTheirLineNumbers() {
    List<RawRow> rows = ExtractParser.parse("a.csv", PLAIN.getBytes(StandardCharsets.UTF_8), null);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).line()).isEqualTo(2);
    assertThat(rows.get(0).cell(Columns.ITEM)).isEqualTo("ENT_HNTE");
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(1).cell(Columns.VALUE)).isEqualTo("8.62");
    assertThat(rows).allSatisfy(r -> assertThat(r.problems()).isEmpty());
  }

  /** The same rows however Excel or WPS saved them. */
  @ParameterizedTest
  @CsvSource({"UTF-8,true", "UTF-8,false", "GB18030,false"})
  void shouldDetectTheEncoding(String charset, boolean bom) {
    String text = "地区代码,年份,统计项代码,数值,单位,数据来源\r\n500119,2023,ENT_HNTE,52,家,区统计局\r\n";
    byte[] body = text.getBytes(Charset.forName(charset));
    byte[] bytes = body;
    if (bom) {
      bytes = new byte[body.length + 3];
      bytes[0] = (byte) 0xEF;
      bytes[1] = (byte) 0xBB;
      bytes[2] = (byte) 0xBF;
      System.arraycopy(body, 0, bytes, 3, body.length);
    }
    List<RawRow> rows = ExtractParser.parse("a.csv", bytes, null);
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.cell(Columns.SOURCE)).isEqualTo("区统计局");
              assertThat(r.cell(Columns.UNIT)).isEqualTo("家");
            });
  }

  @Test
  void shouldAcceptColumnsInAnyOrderAndWarnOfExtraOnes() {
    String text = "unit,value,extra,item_code,year,region_code\n家,52,x,ENT_HNTE,2023,500119\n";
    List<RawRow> rows = ExtractParser.parse("a.csv", text.getBytes(StandardCharsets.UTF_8), null);
    assertThat(rows.get(0).problems()).extracting(Finding::code).containsExactly("W_EXTRA_COLUMN");
    RawRow data = rows.get(1);
    assertThat(data.cell(Columns.REGION)).isEqualTo("500119");
    assertThat(data.cell(Columns.VALUE)).isEqualTo("52");
  }

  @Test
  void shouldReadTheBundledExtracts() throws Exception {
    try (var files = Files.list(Path.of("input"))) {
      List<Path> extracts = files.filter(p -> p.toString().endsWith(".csv")).toList();
      assertThat(extracts).hasSizeGreaterThanOrEqualTo(5);
      for (Path f : extracts) {
        List<RawRow> rows =
            ExtractParser.parse(f.getFileName().toString(), Files.readAllBytes(f), null);
        assertThat(rows)
            .as(f.toString())
            .isNotEmpty()
            .allSatisfy(
                r -> {
                  assertThat(r.problems()).isEmpty();
                  assertThat(r.cell(Columns.REGION)).isEqualTo("500119");
                });
      }
    }
  }
}
