package org.planreports.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planreports.core.Finding;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.validation.StagedValue;

class IndicatorDeriverTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  private static StagedValue v(int year, String item, String value, long line) {
    return new StagedValue(
        "x.csv",
        line,
        "500119",
        year,
        item,
        new BigDecimal(value),
        value,
        false,
        false,
        "区统计局",
        "");
  }

  @Test
  void shouldDeriveRatioFromItemsWithProvenance() {
    var result =
        IndicatorDeriver.derive(
            PLAN, "500119", List.of(v(2023, "RD_EXP", "8.62", 2), v(2023, "GDP", "421.3", 3)));
    IndicatorValue iv = result.series().get("RD_INTENSITY").get(2023);
    assertThat(iv.value().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("2.05");
    assertThat(iv.formula()).isEqualTo("RD_EXP / GDP * 100");
    assertThat(iv.sources()).extracting(Source::line).containsExactly(2L, 3L);
  }

  @Test
  void shouldPreferTheReportedIndicatorAndWarnWhenItDisagrees() {
    var result =
        IndicatorDeriver.derive(
            PLAN,
            "500119",
            List.of(
                v(2023, "RD_EXP", "8.62", 2),
                v(2023, "GDP", "421.3", 3),
                v(2023, "X_RD_INTENSITY", "2.10", 4)));
    assertThat(result.series().get("RD_INTENSITY").get(2023).value()).isEqualByComparingTo("2.10");
    assertThat(result.warnings()).extracting(Finding::code).containsExactly("W_DIRECT_DISAGREES");
    assertThat(result.warnings().get(0).line()).isEqualTo(4);
  }

  @Test
  void shouldNotWarnWhenReportedAndDerivedAgreeAtDisplayPrecision() {
    var result =
        IndicatorDeriver.derive(
            PLAN,
            "500119",
            List.of(
                v(2023, "RD_EXP", "8.62", 2),
                v(2023, "GDP", "421.3", 3),
                v(2023, "X_RD_INTENSITY", "2.05", 4)));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void shouldIgnoreOtherRegions() {
    StagedValue other =
        new StagedValue(
            "x.csv",
            9,
            "500101",
            2023,
            "ENT_HNTE",
            new BigDecimal("99"),
            "99",
            false,
            false,
            "",
            "");
    var result = IndicatorDeriver.derive(PLAN, "500119", List.of(other));
    assertThat(result.series().get("ENT_HNTE")).isEmpty();
  }
}
