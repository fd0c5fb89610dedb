package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.core.Finding;
import org.planreports.ingest.Commentary;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;

/**
 * The office's commentary composed into a publication: each {@code {{CODE:YEAR}}} is the figure as
 * the publication's table prints it, a reference it cannot resolve is an error with its line, the
 * sections go where the plan says, and the commentary is part of the publication's figures.
 */
class CommentarySectionsTest {

  private static final String REGION = "500119";
  private static final PublicationKey MIDTERM =
      new PublicationKey(REGION, 2023, PublicationType.MIDTERM);
  private static final PublicationKey ANNUAL =
      new PublicationKey(REGION, 2023, PublicationType.ANNUAL);
  private static final PublicationKey ZONE =
      new PublicationKey(REGION, 2023, PublicationType.bulletin("zone"));

  private static PublicationFixtures bundled;

  @BeforeAll
  static void read() {
    bundled = PublicationFixtures.read(PublicationFixtures.BUNDLED);
  }

  private static PublicationContent compose(PublicationKey key, String text) {
    Commentary c = Commentary.parse("commentary/" + key.folderName() + ".md", text);
    assertThat(c.findings()).isEmpty();
    return bundled.builder.withCommentary(k -> Optional.of(c)).compose(key);
  }

  private static List<Finding> errors(PublicationKey key, String text) {
    try {
      compose(key, text);
    } catch (CommentaryException e) {
      return e.findings();
    }
    throw new AssertionError("no error for " + text);
  }

  /** The text of the first paragraph of the section bookmarked {@code heading}. */
  private static String paragraph(PublicationContent content, String heading) {
    return content.sections().stream()
        .filter(s -> s.bookmark().endsWith(heading))
        .findFirst()
        .orElseThrow()
        .rows()
        .get(0)
        .get("text")
        .toString();
  }

  /** The value cell of the row named {@code name} in the table section of {@code caption}. */
  private static String cell(PublicationContent content, String caption, String name) {
    for (Section s : content.sections()) {
      if (!s.template().equals("assessment-table") || !s.bookmark().contains(caption)) {
        continue;
      }
      for (Map<String, Object> row : s.rows()) {
        if (name.equals(row.get("name"))) {
          Object whole = row.get("value_w");
          return whole != null ? whole.toString() : "" + row.get("value_i") + row.get("value_f");
        }
      }
    }
    throw new AssertionError("no row " + name + " in " + caption);
  }

  static Stream<Arguments> figures() {
    return Stream.of(
        // a percentage, two decimals
        Arguments.of("RD_INTENSITY", "全社会研发投入(R&D)占GDP比重（%）", "%"),
        // a count of enterprises
        Arguments.of("ENT_HNTE", "国家高新技术企业（家）", "家"),
        // money
        Arguments.of("TECH_CONTRACT", "技术合同交易额（亿元）", "亿元"),
        // a ratio per 10,000 workers
        Arguments.of("RD_PERSONNEL", "每万名就业人员中研发人员（人年）", "人年"));
  }

  @ParameterizedTest
  @MethodSource("figures")
  void aReferenceIsTheFigureAsTheTablePrintsItWithItsUnit(String code, String row, String unit) {
    PublicationContent c = compose(MIDTERM, "# 主要成效\n达到{{" + code + ":2023}}。");
    String printed = cell(c, "“十四五”科技发展主要指标", row);
    assertThat(printed).matches("[0-9]+(\\.[0-9]+)?");
    assertThat(paragraph(c, "主要成效")).isEqualTo("达到" + printed + unit + "。");
  }

  @Test
  void aBaselineThePreviousPeriodsTablePrintsCanBeCited() {
    PublicationContent c = compose(MIDTERM, "# 前言\n从{{RD_INTENSITY:2015}}到{{RD_INTENSITY:2020}}。");
    // as 表1 prints them: 0.46 and 1.74
    assertThat(paragraph(c, "前言")).isEqualTo("从0.46%到1.74%。");
  }

  /** Each reference that cannot be resolved: publication, text, line and what the error says. */
  static Stream<Arguments> unresolved() {
    return Stream.of(
        Arguments.of(MIDTERM, "# 主要成效\n\n甲{{NO_SUCH:2023}}", 3, "规划中没有指标“NO_SUCH”", "RD_INTENSITY"),
        Arguments.of(
            MIDTERM,
            "# 主要成效\n甲{{RD_INTENSITY:2024}}",
            2,
            "中期评估报告没有印出“全社会研发投入(R&D)占GDP比重”2024年的数值",
            "2015、2020、2023"),
        // 表1 (the previous period) is in the evaluations only: the annual bulletin prints no 2015
        Arguments.of(
            ANNUAL,
            "# 主要成效\n正文\n\n- 甲{{RD_INTENSITY:2015}}",
            4,
            "年度监测公报没有印出“全社会研发投入(R&D)占GDP比重”2015年的数值",
            "2023"),
        // a growth row prints a rate, not the series' own figure
        Arguments.of(MIDTERM, "# 存在问题\n增长{{RD_EXP:2023}}", 2, "没有印出“全社会R&D经费支出”2023年", "不印该指标"),
        // the zone bulletin carries only its column
        Arguments.of(ZONE, "# 前言\n{{RD_PERSONNEL:2023}}", 2, "没有印出“每万名就业人员中研发人员”2023年", "不印该指标"));
  }

  @ParameterizedTest
  @MethodSource("unresolved")
  void anUnresolvedReferenceIsAnErrorWithFileAndLine(
      PublicationKey key, String text, int line, String message, String expected) {
    List<Finding> errors = errors(key, text);
    assertThat(errors).hasSize(1);
    Finding f = errors.get(0);
    assertThat(f.isError()).isTrue();
    assertThat(f.file()).isEqualTo("commentary/" + key.folderName() + ".md");
    assertThat(f.line()).isEqualTo(line);
    assertThat(f.message()).contains(message);
    assertThat(f.expected()).contains(expected);
  }

  @Test
  void everyUnresolvedReferenceIsListedAtOnce() {
    List<Finding> errors = errors(MIDTERM, "# 主要成效\n{{A:2023}}{{B:2023}}\n# 存在问题\n{{RD_EXP:2023}}");
    assertThat(errors).extracting(Finding::line).containsExactly(2L, 2L, 4L);
  }

  @Test
  void aCommentaryWithErrorsOfItsOwnIsNotComposed() {
    Commentary bad = Commentary.parse("commentary/2023-midterm.md", "正文\n# 前言\n正文");
    assertThatThrownBy(() -> bundled.builder.withCommentary(k -> Optional.of(bad)).compose(MIDTERM))
        .isInstanceOf(CommentaryException.class);
  }

  @Test
  void sectionsGoWhereThePlanSaysWhateverTheFileOrder() {
    PublicationContent c =
        compose(MIDTERM, "# 专题分析\n甲\n# 下一步工作\n乙\n# 前言\n丙\n# 主要成效\n丁\n# 存在问题\n戊\n# 附记\n己");
    List<String> bookmarks = c.sections().stream().map(Section::bookmark).toList();
    assertThat(bookmarks.subList(2, 4)).containsExactly("前言", "一、评估概要");
    int charts = bookmarks.indexOf("六、主要指标变化趋势");
    assertThat(bookmarks.subList(charts + 1, charts + 6))
        .containsExactly("七、主要成效", "八、存在问题", "九、下一步工作", "十、专题分析", "十一、附记");
    assertThat(bookmarks.get(charts + 6)).startsWith("附录一");
    // the contents list the office's sections too
    assertThat(c.sections().get(1).rows())
        .extracting(r -> r.get("title"))
        .contains("前言", "七、主要成效", "十一、附记");
  }

  @Test
  void aBulletinOpensWithItsTitleAboveThePreface() {
    PublicationContent c = compose(ANNUAL, "# 前言\n丙");
    assertThat(c.sections().get(0).bookmark()).isEqualTo("前言");
    assertThat(c.sections().get(0).params()).containsKey("TITLE");
    assertThat(c.sections().get(0).params().get("TITLE")).isNotNull();
    assertThat(c.sections().get(1).params().get("TITLE")).isNull();
  }

  @Test
  void theCommentaryIsPartOfThePublicationsFigures() {
    List<String> none = bundled.builder.compose(MIDTERM).figures();
    List<String> one = compose(MIDTERM, "# 前言\n达到{{RD_INTENSITY:2023}}。").figures();
    List<String> same = compose(MIDTERM, "# 前言\n达到{{RD_INTENSITY:2023}}。\n").figures();
    List<String> other = compose(MIDTERM, "# 前言\n达到了{{RD_INTENSITY:2023}}。").figures();
    assertThat(one).isEqualTo(same).isNotEqualTo(other).isNotEqualTo(none);
    assertThat(one.subList(0, none.size())).isEqualTo(none);
    assertThat(String.join("\n", one)).contains("达到2.05%。");
  }
}
