package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planreports.plan.Comparator;

class ComparatorTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    "≥, GE", ">=, GE", "'', GE", "' ', GE", "GE, GE", "ge, GE", "≧, GE", ">, GT", "GT, GT", "＞, GT",
    "≤, LE", "<=, LE", "LE, LE", "≦, LE", "<, LT", "LT, LT", "＜, LT"
  })
  void shouldParseThePlansComparatorSpellings(String text, Comparator expected) {
    assertThat(Comparator.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=", "=>", "大于", "≥≥", "以上"})
  void shouldRefuseUnknownComparator(String text) {
    assertThatThrownBy(() -> Comparator.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }

  @ParameterizedTest(name = "{0} symbol {1}")
  @CsvSource({"GE, ≥", "GT, >", "LE, ≤", "LT, <"})
  void shouldPrintTheSymbol(Comparator comparator, String symbol) {
    assertThat(comparator.symbol()).isEqualTo(symbol);
    assertThat(Comparator.parse(symbol)).isEqualTo(comparator);
  }

  @ParameterizedTest(name = "{1} {0} {2} → {3}")
  @CsvSource({
    "GE, 70, 70, true",
    "GE, 69.99, 70, false",
    "GT, 70, 70, false",
    "GT, 70.0, 70, false",
    "GT, 71, 70, true",
    "GT, 500, 500, false",
    "GT, 501, 500, true",
    "LE, 8, 8, true",
    "LE, 8.01, 8, false",
    "LT, 8, 8, false",
    "LT, 7.99, 8, true"
  })
  void shouldTestValueAgainstTarget(
      Comparator comparator, BigDecimal value, BigDecimal target, boolean expected) {
    assertThat(comparator.test(value, target)).isEqualTo(expected);
  }
}
