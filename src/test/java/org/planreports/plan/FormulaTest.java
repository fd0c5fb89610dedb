package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "RD_EXP / GDP * 100|RD_EXP=6.2,GDP=356.32|1.7400",
        "RD_FTE / EMPLOYED|RD_FTE=1290,EMPLOYED=33.2|38.855",
        "RD_EXP / GDP * 100 - CITY_RD_INTENSITY|RD_EXP=8.62,GDP=421.3,CITY_RD_INTENSITY=2.45|-0.4040",
        "(A + B) * 2|A=1,B=2|6",
        "-A + 1|A=3|-2",
        "ENT_HNTE|ENT_HNTE=52|52"
      })
  void shouldEvaluateExactly(String text, String values, String expected) {
    Map<String, BigDecimal> v = new HashMap<>();
    for (String pair : values.split(",")) {
      String[] kv = pair.split("=");
      v.put(kv[0], new BigDecimal(kv[1]));
    }
    BigDecimal got = Formula.parse(text).evaluate(v).orElseThrow();
    assertThat(got.setScale(new BigDecimal(expected).scale(), java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"A / B,A=1;B=0", "A / B,A=1"})
  void shouldGiveNothingForMissingItemOrZeroDivisor(String text, String values) {
    Map<String, BigDecimal> v = new HashMap<>();
    for (String pair : values.split(";")) {
      String[] kv = pair.split("=");
      v.put(kv[0], new BigDecimal(kv[1]));
    }
    assertThat(Formula.parse(text).evaluate(v)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"'A / (B'", "'A $ B'", "'A B'"})
  void shouldRefuseMalformedFormula(String text) {
    assertThatThrownBy(() -> Formula.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void shouldListItemsInWrittenOrder() {
    assertThat(Formula.parse("ZONE_RD_EXP / ZONE_GDP * 100").items())
        .containsExactly("ZONE_RD_EXP", "ZONE_GDP");
  }

  @ParameterizedTest
  @CsvSource({
    "'A / 0', true",
    "'A / (1 - 1) * 100', true",
    "'A / (2 - 1)', false",
    "'A / B', false"
  })
  void shouldFindAConstantZeroDivisor(String text, boolean zero) {
    assertThat(Formula.parse(text).hasConstantZeroDivisor()).isEqualTo(zero);
  }

  @org.junit.jupiter.api.Test
  void shouldRefuseFormulasBeyondTheirBounds() {
    String deep = "(".repeat(Formula.MAX_DEPTH + 1) + "A" + ")".repeat(Formula.MAX_DEPTH + 1);
    assertThatThrownBy(() -> Formula.parse(deep)).isInstanceOf(IllegalArgumentException.class);
    String signs = "-".repeat(Formula.MAX_DEPTH + 1) + "A";
    assertThatThrownBy(() -> Formula.parse(signs)).isInstanceOf(IllegalArgumentException.class);
    String longOne = "A" + " + A".repeat(Formula.MAX_LENGTH);
    assertThatThrownBy(() -> Formula.parse(longOne)).isInstanceOf(IllegalArgumentException.class);
    String ok = "(".repeat(Formula.MAX_DEPTH) + "A" + ")".repeat(Formula.MAX_DEPTH);
    assertThat(Formula.parse(ok).items()).containsExactly("A");
  }
}
