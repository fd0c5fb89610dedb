package org.planreports.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.core.Finding;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.validation.StagedValue;

/**
 * A value derived by an indicator's formula is held to the indicator's declared range (min/max of
 * indicators.csv) as a reported one is: outside it, an E_RANGE at the first operand's row naming
 * every input line it came from, and no value.
 */
class DerivedRangeTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  private static StagedValue v(String file, long line, int year, String item, String value) {
    return new StagedValue(
        file, line, "500119", year, item, new BigDecimal(value), value, false, false, "区统计局", "");
  }

  @ParameterizedTest(name = "{0}: {1}/{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // indicator | numerator item=value | denominator item=value | in range | value shown
        "IND_RD_INST_SHARE | IND_ENT_RD_INST=60 | IND_ENT=50 | false | 120.00",
        "IND_RD_INST_SHARE | IND_ENT_RD_INST=235000000000000000000000000000000000000 | IND_ENT=100"
            + " | false | 235000000000000000000000000000000000000.00",
        "IND_RD_INST_SHARE | IND_ENT_RD_INST=50 | IND_ENT=50 | true | 100.00",
        "IND_RD_INST_SHARE | IND_ENT_RD_INST=0 | IND_ENT=50 | true | 0.00",
        "RD_INTENSITY | RD_EXP=500 | GDP=421.3 | false | 118.68",
        "RD_INTENSITY | RD_EXP=8.62 | GDP=421.3 | true | 2.05",
        // No upper bound declared: a large ratio is no error.
        "RD_PERSONNEL | RD_FTE=9000000 | EMPLOYED=1 | true | 9000000.00",
      })
  void shouldHoldADerivedValueToTheDeclaredRange(
      String indicator, String numerator, String denominator, boolean inRange, String shown) {
    String[] n = numerator.split("=");
    String[] d = denominator.split("=");
    List<StagedValue> staged = new ArrayList<>();
    staged.add(v("a.csv", 7, 2023, n[0], n[1]));
    staged.add(v("b.csv", 12, 2023, d[0], d[1]));

    var result = IndicatorDeriver.derive(PLAN, "500119", staged);

    List<Finding> errors = result.warnings().stream().filter(Finding::isError).toList();
    if (inRange) {
      assertThat(errors).isEmpty();
      assertThat(result.series().get(indicator)).containsKey(2023);
    } else {
      assertThat(result.series().get(indicator)).doesNotContainKey(2023);
      assertThat(errors)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.code()).isEqualTo("E_RANGE");
                assertThat(e.file()).isEqualTo("a.csv");
                assertThat(e.line()).isEqualTo(7);
                assertThat(e.column()).isEqualTo("value");
                assertThat(e.text()).isEqualTo(shown);
                assertThat(e.message())
                    .contains("2023年", PLAN.indicators().get(indicator).name())
                    .contains("a.csv 第7行 " + numerator, "b.csv 第12行 " + denominator)
                    .doesNotContain("null");
                assertThat(e.expected()).contains("≤100");
              });
    }
  }

  @org.junit.jupiter.api.Test
  void shouldLeaveAReportedIndicatorToTheRowRules() {
    // The reported value is the one used: a derived value beside it is only compared with it.
    var result =
        IndicatorDeriver.derive(
            PLAN,
            "500119",
            List.of(
                v("a.csv", 2, 2023, "RD_EXP", "500"),
                v("a.csv", 3, 2023, "GDP", "421.3"),
                v("a.csv", 4, 2023, "X_RD_INTENSITY", "2.10")));
    assertThat(result.warnings()).extracting(Finding::code).containsExactly("W_DIRECT_DISAGREES");
    assertThat(result.series().get("RD_INTENSITY").get(2023).value()).isEqualByComparingTo("2.10");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"district-binding", "scheme-2027"})
  void shouldTakeTheRangeFromEachPlanBundle(String bundle) {
    Plan plan =
        PlanLoader.load(
            Path.of("src/test/resources/fixtures/plans")
                .resolve(bundle)
                .resolve("plan.properties"));
    String region = plan.meta().regionCode();
    int year = plan.meta().baseYear() + 1;
    var result =
        IndicatorDeriver.derive(
            plan,
            region,
            List.of(
                new StagedValue(
                    "c.csv",
                    2,
                    region,
                    year,
                    "RD_EXP",
                    new BigDecimal("900"),
                    "900",
                    false,
                    false,
                    "",
                    ""),
                new StagedValue(
                    "c.csv",
                    3,
                    region,
                    year,
                    "GDP",
                    new BigDecimal("300"),
                    "300",
                    false,
                    false,
                    "",
                    "")));
    assertThat(result.warnings())
        .extracting(Finding::code, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("E_RANGE", 2L));
  }
}
