package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Comparator;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class RecordValidationTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                   | kind       | op | value  | year | p  | base year | base
          target finer than the precision          | LEVEL      | ≥  | 2.5    | 2025 | 0  |           |
          baseline finer than the precision        | LEVEL      | >  | 70     | 2025 | 0  | 2020      | 30.5
          negative precision                       | LEVEL      | ≥  | 1      | 2025 | -1 |           |
          baseline without its year                | LEVEL      | ≥  | 1      | 2025 | 0  |           | 1
          baseline year after the target year      | LEVEL      | ≥  | 1      | 2025 | 0  | 2025      | 1
          growth target with ≤                     | GROWTH     | ≤  | 10     | 2025 | 1  |           |
          growth target of zero                    | GROWTH     | ≥  | 0      | 2025 | 1  |           |
          cumulative target with <                 | CUMULATIVE | <  | 5      | 2025 | 0  |           |
          cumulative with a non-zero baseline      | CUMULATIVE | ≥  | 5      | 2025 | 0  | 2020      | 2
          milestone that is not a year             | MILESTONE  | ≥  | 2023.5 | 2023 | 0  |           |
          milestone with a baseline value          | MILESTONE  | ≥  | 2023   | 2023 | 0  | 2020      | 2020
          qualitative with a baseline value        | QUALITATIVE| ≥  |        | 2025 | 0  | 2020      | 1
          """)
  void shouldRefuseABadTarget(
      String name,
      Kind kind,
      String op,
      BigDecimal value,
      int year,
      int precision,
      Integer baseYear,
      BigDecimal baseline) {
    assertThatThrownBy(
            () ->
                new Target(
                    kind,
                    Comparator.parse(op),
                    value,
                    year,
                    Attribute.EXPECTED,
                    precision,
                    baseYear,
                    baseline))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                          | kind        | low | high | p | base
          low above high                  | RANGE       | 2.8 | 2.5  | 2 |
          low equal to high               | RANGE       | 2.5 | 2.5  | 2 |
          low finer than the precision    | RANGE       | 2.55 | 2.8 | 1 |
          high finer than the precision   | RANGE       | 2.5 | 2.85 | 1 |
          baseline finer than precision   | RANGE       | 2.5 | 2.8  | 1 | 2.05
          upper bound on a level target   | LEVEL       | 2.5 | 2.8  | 2 |
          upper bound on a qualitative    | QUALITATIVE |     | 1    | 0 |
          """)
  void shouldRefuseABadRangeOrUpperBound(
      String name, Kind kind, BigDecimal low, BigDecimal high, int precision, BigDecimal base) {
    assertThatThrownBy(
            () ->
                new Target(
                    kind,
                    Comparator.GE,
                    low,
                    2025,
                    Attribute.EXPECTED,
                    precision,
                    base == null ? null : 2020,
                    base,
                    high))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRequireABoundForARangeAndAValueForEveryOtherNumericKind() {
    assertThatThrownBy(
            () ->
                new Target(
                    Kind.RANGE,
                    Comparator.GE,
                    new BigDecimal("2.5"),
                    2025,
                    Attribute.EXPECTED,
                    2,
                    null,
                    null,
                    null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("upper");
    assertThatThrownBy(
            () ->
                new Target(
                    Kind.LEVEL, Comparator.GE, null, 2025, Attribute.EXPECTED, 0, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value");
  }

  @Test
  void shouldAcceptARangeAndAQualitativeTarget() {
    Target range = Fixtures.range("2.5", "2.8", Attribute.EXPECTED, 2, "2.05");
    Target qualitative = Fixtures.qualitative(2025, Attribute.BINDING);

    assertThat(range.value()).isEqualByComparingTo("2.5");
    assertThat(range.upper()).isEqualByComparingTo("2.8");
    assertThat(range.dueYear()).isEqualTo(2025);
    assertThat(qualitative.value()).isNull();
    assertThat(qualitative.upper()).isNull();
    assertThat(qualitative.dueYear()).isEqualTo(2025);
    assertThat(Fixtures.level("≥", "2.5", 2, "1.74").upper()).isNull();
  }

  @Test
  void shouldAcceptThePlansTargets() {
    assertThat(Fixtures.level(">", "500", 0, "259").dueYear()).isEqualTo(2025);
    assertThat(Fixtures.level("≥", "2.5", 2, "1.74").value()).isEqualByComparingTo("2.50");
    assertThat(Fixtures.target(Kind.GROWTH, "≥", "10", 1, null).kind()).isEqualTo(Kind.GROWTH);
    assertThat(Fixtures.target(Kind.RELATIVE, "≥", "0", 2, "-0.37").publishedBaselineYear())
        .isEqualTo(2020);
    assertThat(
            Fixtures.target(Kind.MILESTONE, "", "2026", 2025, Attribute.EXPECTED, 0, null)
                .dueYear())
        .isEqualTo(2026);
  }

  @ParameterizedTest(name = "{0} assessed in {1}")
  @CsvSource({
    "LEVEL, 2020",
    "LEVEL, 2019",
    "RELATIVE, 2020",
    "GROWTH, 2020",
    "GROWTH, 2019",
    "CUMULATIVE, 2020",
    "CUMULATIVE, 2019"
  })
  void shouldReportInsufficientDataAtOrBeforeTheBaseYear(Kind kind, int year) {
    Target target = Fixtures.target(kind, "≥", "10", 0, null);

    Assessment a =
        Assessor.assess(
            target, Fixtures.series("2019:1 2020:2 2021:3"), Fixtures.PERIOD, year, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
  }

  @Test
  void shouldRefuseAPlanPeriodOutOfOrder() {
    assertThatThrownBy(() -> new PlanPeriod(2020, 2025, 2023))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAMetTargetWithInsufficientData() {
    assertThatThrownBy(
            () ->
                new Assessment(
                    Kind.LEVEL,
                    Stage.ANNUAL,
                    2023,
                    2025,
                    Status.INSUFFICIENT_DATA,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true,
                    false,
                    false,
                    List.of(),
                    0,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAProjectionWithoutItsVerdict() {
    assertThatThrownBy(
            () ->
                new Assessment(
                    Kind.LEVEL,
                    Stage.ANNUAL,
                    2023,
                    2025,
                    Status.ON_SCHEDULE,
                    2020,
                    BigDecimal.ONE,
                    2023,
                    BigDecimal.TEN,
                    null,
                    null,
                    null,
                    BigDecimal.TEN,
                    null,
                    null,
                    false,
                    false,
                    false,
                    List.of(),
                    0,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAnObservationOutsideAnyPlausibleYear() {
    assertThatThrownBy(() -> Observation.of(20, "1")).isInstanceOf(IllegalArgumentException.class);
  }
}
