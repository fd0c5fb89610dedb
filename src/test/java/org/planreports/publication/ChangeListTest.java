package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The change list of a review copy: new, unchanged, changed figures, other figures changed. */
class ChangeListTest {

  private static final CorrectionNotice.Change RD =
      new CorrectionNotice.Change("table2.csv", "表2", "2", "R&D经费投入强度", "value", "2.05", "2.08");
  private static final CorrectionNotice.Change FORMULA =
      new CorrectionNotice.Change("table2.csv", "表2", "3", "=指标", "status", "", "-1");

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of(
            new ChangeList("2023-midterm", ChangeList.Kind.NEW, 0, List.of(), Map.of()),
            1,
            List.of("2023-midterm：新发布（尚无已发布版本），发布后为第1版"),
            List.of("2023-midterm,新发布,0,,,,,,")),
        Arguments.of(
            new ChangeList("2023-midterm", ChangeList.Kind.UNCHANGED, 2, List.of(), Map.of()),
            2,
            List.of("2023-midterm：数字与已发布的第2版相同，发布时不产生新版本"),
            List.of("2023-midterm,未变化,2,,,,,,")),
        Arguments.of(
            new ChangeList(
                "2023-midterm", ChangeList.Kind.CHANGED, 1, List.of(RD), Map.of("表2", "表4")),
            2,
            List.of(
                "2023-midterm：与已发布的第1版相比有1处数字变化，发布时须用 --reason 写明更正原因，成为第2版：",
                "  表4 第2行 R&D经费投入强度 评估年份值：2.05 → 2.08"),
            List.of("2023-midterm,更正,1,表4,2,R&D经费投入强度,评估年份值,2.05,2.08")),
        Arguments.of(
            new ChangeList("2023-annual", ChangeList.Kind.CHANGED, 1, List.of(), Map.of()),
            2,
            List.of("2023-annual：表中数字与第1版相同，但正文中印出的其他数字有变化，发布时须用 --reason 写明更正原因，成为第2版"),
            List.of("2023-annual,更正,1,,,,,,")),
        // A cell a spreadsheet would run as a formula is written as text.
        Arguments.of(
            new ChangeList("2023-annual", ChangeList.Kind.CHANGED, 1, List.of(FORMULA), Map.of()),
            2,
            List.of(
                "2023-annual：与已发布的第1版相比有1处数字变化，发布时须用 --reason 写明更正原因，成为第2版：",
                "  表2 第3行 =指标 评估结论：（空） → -1"),
            List.of("2023-annual,更正,1,表2,3,'=指标,评估结论,,-1")));
  }

  @ParameterizedTest
  @MethodSource("lists")
  void linesAndCsv(ChangeList list, int edition, List<String> lines, List<String> rows) {
    assertThat(list.edition()).isEqualTo(edition);
    assertThat(list.lines()).containsExactlyElementsOf(lines);
    byte[] csv = list.csv();
    // UTF-8 with a byte order mark, as the other companion CSVs, for Excel.
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> written =
        List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(written.get(0))
        .isEqualTo("publication,status,latest_edition,table,seq,indicator,column,old,new");
    assertThat(written.subList(1, written.size())).containsExactlyElementsOf(rows);
  }
}
