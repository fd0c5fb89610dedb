package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.core.Finding;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;

/**
 * The unit rule with items that have no unit (an index): the unit cell of such an item is empty, or
 * the file has no unit column at all; a file without the column is refused only for a row whose
 * item has a unit, once per file, at the header.
 */
class UnitRulesTest {

  private static final String INDEX = "INNOV_INDEX";

  private static Plan withIndex() {
    Plan plan = PlanLoader.loadDefault();
    Map<String, Item> items = new LinkedHashMap<>(plan.items());
    items.put(INDEX, new Item(INDEX, "区域科技创新指数", "", BigDecimal.ZERO, null, false));
    return new Plan(
        plan.meta(),
        items,
        plan.indicators(),
        plan.rows(),
        plan.tables(),
        plan.bulletins(),
        plan.digest());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | header | rows (\\n between) | staged | error codes (line), in order
        "index, empty unit | region_code,year,item_code,value,unit | 500119,2023,INNOV_INDEX,61.5, | 1 |",
        "index, no unit column | region_code,year,item_code,value,source"
            + " | 500119,2023,INNOV_INDEX,61.5,区统计局 | 1 |",
        "index with a unit written | region_code,year,item_code,value,unit"
            + " | 500119,2023,INNOV_INDEX,61.5,分 | 0 | E_UNIT@2",
        "amounts, no unit column | region_code,year,item_code,value"
            + " | 500119,2023,RD_EXP,8.62\\n500119,2023,GDP,421.3\\n500119,2023,INNOV_INDEX,61.5"
            + " | 1 | E_MISSING_COLUMN@1",
        "no region and no unit column | year,item_code,value | 2023,RD_EXP,8.62"
            + " | 0 | E_MISSING_COLUMN@1 E_MISSING_COLUMN@1",
        "amount, empty unit | region_code,year,item_code,value,unit | 500119,2023,RD_EXP,8.62,"
            + " | 0 | E_UNIT@2",
      })
  void shouldApplyTheUnitRule(String name, String header, String rows, int staged, String errors) {
    String text = header + "\r\n" + rows.replace("\\n", "\r\n") + "\r\n";
    RowRules rules = new RowRules(withIndex());
    List<String> found = new ArrayList<>();
    int kept = 0;
    for (RawRow row : ExtractParser.parse("u.csv", text.getBytes(StandardCharsets.UTF_8), null)) {
      RowRules.Checked c = rules.check(row);
      c.findings().stream()
          .filter(Finding::isError)
          .forEach(
              f -> {
                found.add(f.code() + "@" + f.line());
                assertThat(f.oneLine()).doesNotContain("null").doesNotContain("（）");
                if (f.code().equals("E_UNIT")) {
                  assertThat(f.expected()).isNotBlank();
                }
              });
      kept += c.value() == null ? 0 : 1;
    }
    assertThat(String.join(" ", found)).as(name).isEqualTo(errors == null ? "" : errors);
    assertThat(kept).as(name).isEqualTo(staged);
  }
}
