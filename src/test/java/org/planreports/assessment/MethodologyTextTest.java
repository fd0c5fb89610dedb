package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The appendix is laid out line by line by the report engine, so it must stay plain text. */
class MethodologyTextTest {

  private static String text;
  private static List<String> lines;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        MethodologyTextTest.class.getResourceAsStream("/methodology/methodology-zh.md")) {
      assertThat(in).as("methodology-zh.md on the classpath").isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    lines = text.lines().toList();
  }

  @Test
  void shouldUseOnlyParagraphsAndSimpleBullets() {
    assertThat(lines.get(0)).isEqualTo("评估方法说明");
    for (String line : lines) {
      assertThat(line).as(line).doesNotStartWith("|").doesNotStartWith("#").doesNotStartWith(" ");
      assertThat(line).as(line).doesNotContain("$", "\\(", "```", "**", "\t");
      if (line.startsWith("-")) {
        assertThat(line).as(line).startsWith("- ");
      }
    }
  }

  @Test
  void shouldAvoidCharactersOutsideTheChineseNationalCharset() {
    // U+2212 MINUS SIGN and combining accents are not in GB2312-era fonts' common subsets.
    assertThat(text).doesNotContain("\u2212", "\u0302", "\u0305");
    assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(text)).isTrue();
    assertThat(java.nio.charset.Charset.forName("GB18030").newEncoder().canEncode(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "时序进度",
        "20%、40%、60%、80%和100%",
        "完成进度 C = (x - B) ÷ (T - B)",
        "进度比 S = C ÷ τ",
        "年均增速 g_a",
        "预计可完成",
        "预计难以完成",
        "剩余年份需年均增长",
        "0.95",
        "0.60",
        "已完成",
        "达到时序进度",
        "基本达到时序进度",
        "滞后于时序进度",
        "明显滞后",
        "逆向变化",
        "数据不足",
        "基本完成",
        "未完成",
        "约束性",
        "预期性",
        "以某年为基期",
        "数据截至某年",
        "初步数",
        "{growth_prices}",
        "指标完成率",
        "四舍五入",
        "Open SDG",
        "Eurostat",
        "Statistics Canada",
        "UNSD",
        "国家发展改革委",
        "- 定性类：",
        "- 区间类：",
        "推进中",
        "未启动",
        "定性目标，按填报单位报告的进展情况列示",
        "基期值已在目标区间内，不计算完成进度",
        "超出目标区间上限",
        "低于目标区间下限"
      })
  void shouldStateEveryPartOfTheMethod(String phrase) {
    assertThat(text).contains(phrase);
  }
}
