package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planreports.plan.PublicationKey;
import org.planreports.report.PublicationContent;
import org.planreports.report.Section;

class CorrectionNoticeTest {

  private static final String HEADER = "\uFEFFtable,seq,indicator,unit,value,status\r\n";

  private static Map<String, byte[]> csv(String name, String rows) {
    return Map.of(name, (HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  /** A bulletin put together by hand, numbering the plan's tables as {@code refs} say. */
  private static PublicationContent content(Map<String, String> refs) {
    return new PublicationContent(
        PublicationKey.parse("500119", "2023-annual"),
        "t",
        "s",
        "k",
        "a",
        "v",
        false,
        java.time.LocalDate.of(2023, 12, 31),
        List.of(),
        Map.of(),
        refs);
  }

  @Test
  void shouldCompareNumbersByValueNotByText() {
    var before = csv("t.csv", "表2,1,甲,%,0.70,达到\r\n表2,2,乙,%,561.2,滞后\r\n");
    var after = csv("t.csv", "表2,1,甲,%,0.7,达到\r\n表2,2,乙,%,561.20,滞后\r\n");
    assertThat(CorrectionNotice.compare(before, after)).isEmpty();
    var changed = csv("t.csv", "表2,1,甲,%,0.71,达到\r\n表2,2,乙,%,561.20,滞后\r\n");
    assertThat(CorrectionNotice.compare(before, changed)).hasSize(1);
  }

  @Test
  void shouldListEveryChangedCellOldToNew() {
    var before = csv("table2.csv", "表2,1,研发经费增长,%,11.61,达到\r\n表2,2,R&D占比,%,2.05,滞后\r\n");
    var after = csv("table2.csv", "表2,1,研发经费增长,%,12.47,达到\r\n表2,2,R&D占比,%,2.05,滞后\r\n");

    List<CorrectionNotice.Change> changes = CorrectionNotice.compare(before, after);

    assertThat(changes)
        .containsExactly(
            new CorrectionNotice.Change(
                "table2.csv", "表2", "1", "研发经费增长", "value", "11.61", "12.47"));
    assertThat(changes.get(0).line(Map.of())).isEqualTo("表2 第1行 研发经费增长 评估年份值：11.61 → 12.47");
    assertThat(changes.get(0).line(Map.of("表2", "表1")))
        .isEqualTo("表1 第1行 研发经费增长 评估年份值：11.61 → 12.47");
  }

  @Test
  void shouldFindNothingWhenTheFiguresAreTheSame() {
    var same = csv("table2.csv", "表2,1,研发经费增长,%,11.61,达到\r\n");
    assertThat(CorrectionNotice.compare(same, same)).isEmpty();
  }

  @Test
  void shouldCountAddedAndRemovedRowsAsChangesFromOrToEmpty() {
    var before = csv("t.csv", "表2,1,甲,%,1,达到\r\n");
    var after = csv("t.csv", "表2,1,甲,%,1,达到\r\n表2,2,乙,%,3,滞后\r\n");

    assertThat(CorrectionNotice.compare(before, after))
        .extracting(CorrectionNotice.Change::column, CorrectionNotice.Change::newValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("value", "3"),
            org.assertj.core.groups.Tuple.tuple("status", "滞后"))
        .allSatisfy(t -> assertThat(t).isNotNull());
    assertThat(CorrectionNotice.compare(after, before))
        .allSatisfy(c -> assertThat(c.newValue()).isEmpty());
  }

  @Test
  void shouldOrderRowsBySeqAsNumbers() {
    var before = csv("t.csv", "表2,2,乙,%,1,\r\n表2,10,丙,%,1,\r\n");
    var after = csv("t.csv", "表2,2,乙,%,2,\r\n表2,10,丙,%,2,\r\n");
    assertThat(CorrectionNotice.compare(before, after))
        .extracting(CorrectionNotice.Change::seq)
        .containsExactly("2", "10");
  }

  @Test
  void shouldMakeASectionWithTheReasonAndOneRowPerChange() {
    var notice =
        new CorrectionNotice(
            2,
            1,
            "区统计局核定",
            List.of(new CorrectionNotice.Change("t.csv", "表2", "1", "甲", "value", "1.0", "1.2")));

    Section s = notice.section(content(Map.of("表2", "表1")));

    assertThat(s.template()).isEqualTo("correction-notice");
    assertThat(s.bookmark()).isEqualTo("更正说明");
    assertThat((String) s.params().get("INTRO"))
        .contains("第2版", "更正第1版", "更正原因：区统计局核定。", "下列1项数字有变化");
    assertThat(s.rows())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("where", "表1 第1行")
                    .containsEntry("item", "评估年份值")
                    .containsEntry("old", "1.0")
                    .containsEntry("new", "1.2"));
    assertThat(new String(notice.csv(content(Map.of("表2", "表1"))), StandardCharsets.UTF_8))
        .contains("file,table,seq,indicator,column,old,new,reason,plan_table")
        .contains("t.csv,表1,1,甲,value,1.0,1.2,区统计局核定,表2");
  }

  @Test
  void shouldSayWhenNoFigureChanged() {
    var notice = new CorrectionNotice(3, 2, "更正地区名称", List.of());
    assertThat(notice.intro(content(Map.of()))).contains("与第2版相比，各表数字没有变化。");
    assertThat(notice.section(content(Map.of())).params()).containsEntry("HAS_CHANGES", false);
  }
}
