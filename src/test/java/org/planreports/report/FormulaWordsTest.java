package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Formula;
import org.planreports.plan.Indicator;
import org.planreports.plan.Item;

/** The 计算方法 column of the public appendix, one formula shape a row: words, never codes. */
class FormulaWordsTest {

  private static final Map<String, Item> ITEMS = new LinkedHashMap<>();

  static {
    item("RD_EXP", "全社会R&D经费支出", "亿元");
    item("GDP", "地区生产总值", "亿元");
    item("RD_FTE", "R&D人员全时当量", "人年");
    item("EMPLOYED", "全社会就业人员", "万人");
    item("CITY", "全市R&D经费投入强度", "%");
    item("A", "甲", "亿元");
    item("B", "乙", "亿元");
    item("C", "丙", "亿元");
    item("TALENTS", "当年入选“重庆英才”", "个");
    item("NONAME", "", "亿元");
    item("X_OWN", "", "%");
    ITEMS.put("MS", new Item("MS", "创建成为市级高新区（填达成年份）", "年", null, null, true));
    ITEMS.put(
        "WORDS",
        new Item("WORDS", "建设进展", "—", BigDecimal.ZERO, BigDecimal.valueOf(2), true, true));
  }

  private static void item(String code, String name, String unit) {
    ITEMS.put(code, new Item(code, name, unit, BigDecimal.ZERO, null, false));
  }

  @ParameterizedTest(name = "{0} ({1}) → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          RD_EXP / GDP * 100                    | %    | 研发投入强度       | 全社会R&D经费支出 ÷ 地区生产总值 × 100%
          RD_FTE / EMPLOYED                     | 人年 | 每万名就业人员中研发人员 | R&D人员全时当量（人年） ÷ 全社会就业人员（万人）
          RD_EXP / GDP * 100 - CITY             | 百分点 | 差距            | 全社会R&D经费支出（亿元） ÷ 地区生产总值（亿元） × 100% － 全市R&D经费投入强度（%）
          A / B * 100                           | 倍   | 比               | 甲 ÷ 乙 × 100
          (A + B) / C                           | %    | 合计占比          | （甲 ＋ 乙） ÷ 丙
          A - (B - C)                           | 亿元 | 差               | 甲 － （乙 － 丙）
          A / (B / C)                           | 亿元 | 商               | 甲 ÷ （乙 ÷ 丙）
          A * B / C                             | 亿元 | 积               | 甲 × 乙 ÷ 丙
          -A + B                                | 亿元 | 负               | －甲 ＋ 乙
          -(A + B)                              | 亿元 | 负和              | －（甲 ＋ 乙）
          A                                     | 亿元 | 甲               | 统计数
          A                                     | 亿元 | 甲数              | 按“甲”统计
          TALENTS                               | 个   | 领军人才          | 按“当年入选‘重庆英才’”统计
          MS                                    | 年   | 创建成为市级高新区   | 填报达成年份
          WORDS                                 | —    | 建设进展           | 按进展情况填报（已完成、推进中、未启动）
          NONAME / GDP * 100                    | %    | 无名之比          | 未命名统计项 ÷ 地区生产总值 × 100%
          X_OWN                                 | %    | 自报比重          | 统计数
          NONAME                                | 亿元 | 无名              | 按“未命名统计项”统计
          """)
  void shouldSayHowAnIndicatorIsComputedInThePlansWords(
      String formula, String unit, String name, String words) {
    Indicator ind =
        new Indicator(
            formula.startsWith("X_") ? "X_OWN" : "IND",
            name,
            unit,
            2,
            Formula.parse(formula),
            null);

    String said = FormulaWords.of(ind, ITEMS);

    assertThat(said).isEqualTo(words).doesNotContainPattern("[A-Z]+_[A-Z_]*|\\bNONAME\\b");
  }

  /** A row printing the indicator under the item's own name is 统计数, not “按…统计”. */
  @ParameterizedTest
  @CsvSource({"甲, 统计数", "甲数, 按“甲”统计"})
  void shouldTreatTheRowsPrintedNameAsTheIndicatorsName(String printed, String words) {
    Indicator ind = new Indicator("IND", "甲企业数", "亿元", 0, Formula.parse("A"), null);

    assertThat(FormulaWords.of(ind, ITEMS, printed)).isEqualTo(words);
  }
}
