package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.core.Finding;
import org.planreports.ingest.Columns;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;

/**
 * An item of range class {@code status} carries a progress word: the bundled plan has none, so
 * these tests add one to its dictionary.
 */
class StatusWordRulesTest {

  private static final String CODE = "QUAL_DEMO";
  private static final RowRules RULES = new RowRules(withStatusItem());

  private static Plan withStatusItem() {
    Plan plan = PlanLoader.loadDefault();
    Map<String, Item> items = new LinkedHashMap<>(plan.items());
    items.put(
        CODE, new Item(CODE, "定性目标进展", "—", BigDecimal.ZERO, BigDecimal.valueOf(2), true, true));
    return new Plan(
        plan.meta(),
        items,
        plan.indicators(),
        plan.rows(),
        plan.tables(),
        plan.bulletins(),
        plan.digest());
  }

  private static RowRules.Checked check(String value, String note) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put(Columns.REGION, "500119");
    cells.put(Columns.YEAR, "2023");
    cells.put(Columns.ITEM, CODE);
    cells.put(Columns.VALUE, value);
    cells.put(Columns.UNIT, "—");
    cells.put(Columns.NOTE, note);
    return RULES.check(new RawRow("status.csv", 7, cells, List.of()));
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({"已完成, 2", "推进中, 1", "未启动, 0", "' 推进中 ', 1"})
  void shouldStageTheCodeOfAProgressWord(String word, BigDecimal code) {
    RowRules.Checked c = check(word, "已进入全市前列");

    assertThat(c.findings()).isEmpty();
    assertThat(c.value().value()).isEqualByComparingTo(code);
    assertThat(c.value().raw()).isEqualTo(word.strip());
    assertThat(c.value().note()).isEqualTo("已进入全市前列");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"''", "-", "—"})
  void shouldKeepANotAvailableWordAsSuch(String value) {
    RowRules.Checked c = check(value, "");

    assertThat(c.findings()).isEmpty();
    assertThat(c.value().value()).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"完成", "进行中", "2", "1.5", "达到全市前列"})
  void shouldRefuseAnyOtherValueWithFileLineColumnAndTheWords(String value) {
    RowRules.Checked c = check(value, "");

    assertThat(c.value()).isNull();
    assertThat(c.findings()).hasSize(1);
    Finding f = c.findings().get(0);
    assertThat(f.isError()).isTrue();
    assertThat(f.code()).isEqualTo("E_STATUS_WORD");
    assertThat(f.file()).isEqualTo("status.csv");
    assertThat(f.line()).isEqualTo(7);
    assertThat(f.column()).isEqualTo(Columns.VALUE);
    assertThat(f.text()).isEqualTo(value);
    assertThat(f.expected()).contains("已完成、推进中或未启动");
  }

  @Test
  void shouldStillReadNumbersForEveryOtherItem() {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put(Columns.REGION, "500119");
    cells.put(Columns.YEAR, "2023");
    cells.put(Columns.ITEM, "GDP");
    cells.put(Columns.VALUE, "已完成");
    cells.put(Columns.UNIT, "亿元");
    RowRules.Checked c = RULES.check(new RawRow("status.csv", 8, cells, List.of()));

    assertThat(c.findings()).extracting(Finding::code).containsExactly("E_NUMBER");
  }
}
