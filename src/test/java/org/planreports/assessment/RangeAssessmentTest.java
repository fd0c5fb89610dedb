package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.series;
import static org.planreports.assessment.NoteCode.ABOVE_RANGE;
import static org.planreports.assessment.NoteCode.BASELINE_IN_RANGE;
import static org.planreports.assessment.NoteCode.DATA_AS_OF;
import static org.planreports.assessment.NoteCode.NO_BASELINE;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

/** A RANGE target "2.5~2.8" at two decimals; every expected figure below is worked by hand. */
class RangeAssessmentTest {

  private static Target range(String baseline) {
    return Fixtures.range("2.5", "2.8", Attribute.EXPECTED, 2, baseline);
  }

  private static Assessment assess(Target target, String series, int year, Stage stage) {
    return Assessor.assess(target, series(series), PERIOD, year, stage);
  }

  private static void assertDecimal(BigDecimal actual, BigDecimal expected, String what) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
    } else {
      assertThat(actual).as(what).isEqualByComparingTo(expected);
    }
  }

  // C = (x − B)/(T − B) with T the bound nearer B: low 2.50 from below, high 2.80 from above.
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                             | B    | series    | year | status              | met   | C      | τ     | S
          below, on schedule                 | 2.00 | 2022:2.20 | 2022 | ON_SCHEDULE         | false | 40.0   | 40.0  | 1.00
          below, behind                      | 2.00 | 2023:2.20 | 2023 | BEHIND_SCHEDULE     | false | 40.0   | 60.0  | 0.67
          below, nearly on schedule          | 2.00 | 2023:2.29 | 2023 | NEARLY_ON_SCHEDULE  | false | 58.0   | 60.0  | 0.97
          below, far behind                  | 2.00 | 2023:2.05 | 2023 | FAR_BEHIND_SCHEDULE | false | 10.0   | 60.0  | 0.17
          below, moving away                 | 2.00 | 2021:1.90 | 2021 | REVERSED            | false | -20.0  | 20.0  | -1.00
          below, reaches the low bound       | 2.00 | 2023:2.50 | 2023 | COMPLETED           | true  | 100.0  | 60.0  | 1.67
          below, reaches the high bound      | 2.00 | 2023:2.80 | 2023 | COMPLETED           | true  | 160.0  | 60.0  | 2.67
          above, moving down on schedule     | 3.20 | 2022:3.00 | 2022 | ON_SCHEDULE         | false | 50.0   | 40.0  | 1.25
          above, moving up                   | 3.20 | 2022:3.30 | 2022 | REVERSED            | false | -25.0  | 40.0  | -0.63
          above, into the range              | 3.20 | 2024:2.70 | 2024 | COMPLETED           | true  | 125.0  | 80.0  | 1.56
          below, overshoots the high bound   | 2.00 | 2023:2.90 | 2023 | ON_SCHEDULE         | false | 180.0  | 60.0  | 3.00
          above, overshoots the low bound    | 3.20 | 2023:2.40 | 2023 | ON_SCHEDULE         | false | 200.0  | 60.0  | 3.33
          baseline inside, stays inside      | 2.60 | 2022:2.70 | 2022 | COMPLETED           | true  |        | 40.0  |
          baseline on the low bound, stays   | 2.50 | 2022:2.50 | 2022 | COMPLETED           | true  |        | 40.0  |
          baseline inside, leaves above      | 2.60 | 2022:2.90 | 2022 | REVERSED            | false |        | 40.0  |
          baseline inside, leaves below      | 2.60 | 2022:2.40 | 2022 | REVERSED            | false |        | 40.0  |
          """)
  void shouldMeasureCompletionToTheNearerBound(
      String name,
      String baseline,
      String series,
      int year,
      Status status,
      boolean met,
      BigDecimal completion,
      BigDecimal time,
      BigDecimal schedule) {
    Assessment a = assess(range(baseline), series, year, Stage.ANNUAL);

    assertThat(a.kind()).isEqualTo(Kind.RANGE);
    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.met()).as(name + " met").isEqualTo(met);
    assertDecimal(a.completionPct(), completion, name + " C");
    assertDecimal(a.timeProgressPct(), time, name + " τ");
    assertDecimal(a.scheduleRatio(), schedule, name + " S");
    assertThat(a.baseline()).isEqualByComparingTo(baseline);
  }

  @ParameterizedTest(name = "{0} → {1}, met={2}")
  @CsvSource({
    "2.495, 2.50, true",
    "2.4949, 2.49, false",
    "2.8049, 2.80, true",
    "2.805, 2.81, false"
  })
  void shouldRoundToPrecisionBeforeTheRangeTest(String value, String shown, boolean met) {
    Assessment a = assess(range("2.00"), "2023:" + value, 2023, Stage.ANNUAL);

    assertThat(a.value()).isEqualByComparingTo(shown);
    assertThat(a.met()).isEqualTo(met);
    assertThat(a.status() == Status.COMPLETED).isEqualTo(met);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                          | B    | series    | year | note
          over the high bound from below  | 2.00 | 2023:2.90 | 2023 | ABOVE_RANGE
          under the low bound from above  | 3.20 | 2023:2.40 | 2023 | BELOW_RANGE
          """)
  void shouldNoteAndWarnWhenARangeIsOvershot(
      String name, String baseline, String series, int year, String note) {
    Assessment a = assess(range(baseline), series, year, Stage.ANNUAL);

    assertThat(a.met()).isFalse();
    assertThat(a.status()).isNotEqualTo(Status.COMPLETED);
    assertThat(a.notes()).as(name).contains(Notes.parse(note));
    assertThat(a.warning()).as(name).isTrue();
  }

  @Test
  void shouldNoteThatCompletionIsNotComputedFromABaselineInside() {
    Assessment a = assess(range("2.60"), "2022:2.70", 2022, Stage.ANNUAL);

    assertThat(a.notes()).containsExactly(Note.of(BASELINE_IN_RANGE));
  }

  @Test
  void shouldProjectIntoTheRangeAndGiveTheGrowthToTheLowBound() {
    // x̂ = 2.30·1.15^(2/3) = 2.5246 → 2.52, inside; g_need = (2.50/2.30)^(1/2) − 1 = 4.26 %.
    Assessment a = assess(range("2.00"), "2023:2.30", 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.ON_SCHEDULE);
    assertThat(a.completionPct()).isEqualByComparingTo("60.0");
    assertThat(a.scheduleRatio()).isEqualByComparingTo("1.00");
    assertThat(a.projection()).isEqualByComparingTo("2.52");
    assertThat(a.projectionLabel()).isEqualTo("预计可完成");
    assertThat(a.requiredAnnualGrowthPct()).isEqualByComparingTo("4.3");
    assertThat(a.warning()).isFalse();
  }

  @Test
  void shouldProjectFromAboveAndGiveTheFallToTheHighBound() {
    // x̂ = 3.00·0.9375^(3/2) = 2.7232 → 2.72, inside; g_need = (2.80/3.00)^(1/3) − 1 = −2.27 %.
    Assessment a = assess(range("3.20"), "2022:3.00", 2022, Stage.ANNUAL);

    assertThat(a.projection()).isEqualByComparingTo("2.72");
    assertThat(a.projectionMet()).isTrue();
    assertThat(a.requiredAnnualGrowthPct()).isEqualByComparingTo("-2.3");
    assertThat(a.warning()).isFalse();
  }

  @Test
  void shouldGiveTheFallBackToTheHighBoundAfterAnOvershoot() {
    // g_need = (2.80/2.90)^(1/2) − 1 = −1.74 %.
    Assessment a = assess(range("2.00"), "2023:2.90", 2023, Stage.ANNUAL);

    assertThat(a.requiredAnnualGrowthPct()).isEqualByComparingTo("-1.7");
  }

  @Test
  void shouldWarnWhenAMetRangeIsProjectedToLeaveIt() {
    // x̂ = 2.60·1.3^(2/3) = 3.0970 → 3.10, above the range.
    Assessment a = assess(range("2.00"), "2023:2.60", 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.COMPLETED);
    assertThat(a.projection()).isEqualByComparingTo("3.10");
    assertThat(a.projectionLabel()).isEqualTo("预计难以完成");
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.warning()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                              | B    | series    | attribute | status            | C
          inside                              | 2.00 | 2025:2.60 | EXPECTED  | ACHIEVED          | 120.0
          on the high bound                   | 2.00 | 2025:2.80 | EXPECTED  | ACHIEVED          | 160.0
          short of low, C 96 %, expected      | 2.00 | 2025:2.48 | EXPECTED  | NEARLY_ACHIEVED   | 96.0
          short of low, C 96 %, binding       | 2.00 | 2025:2.48 | BINDING   | NOT_ACHIEVED      | 96.0
          short of low, C 80 %                | 2.00 | 2025:2.40 | EXPECTED  | NOT_ACHIEVED      | 80.0
          above high, C 95 %, expected        | 3.20 | 2025:2.82 | EXPECTED  | NEARLY_ACHIEVED   | 95.0
          overshoot past high, expected       | 2.00 | 2025:2.90 | EXPECTED  | NOT_ACHIEVED      | 180.0
          baseline inside, left it            | 2.60 | 2025:2.90 | EXPECTED  | NOT_ACHIEVED      |
          baseline inside, stayed             | 2.60 | 2025:2.55 | EXPECTED  | ACHIEVED          |
          data year 2024                      | 2.00 | 2024:2.52 | EXPECTED  | ACHIEVED          | 104.0
          no value                            | 2.00 | ''        | EXPECTED  | INSUFFICIENT_DATA |
          only the base year                  | 2.00 | 2020:2.00 | EXPECTED  | INSUFFICIENT_DATA |
          """)
  void shouldGiveFinalStatuses(
      String name,
      String baseline,
      String series,
      Attribute attribute,
      Status status,
      BigDecimal completion) {
    Target target = Fixtures.range("2.5", "2.8", attribute, 2, baseline);

    Assessment a = assess(target, series, 2025, Stage.FINAL);

    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.status().isFinalClass()).isTrue();
    assertThat(a.met()).isEqualTo(status == Status.ACHIEVED);
    assertDecimal(a.completionPct(), completion, name + " C");
    assertThat(a.projection()).isNull();
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.warning()).isFalse();
  }

  @Test
  void shouldNoteAnOvershootInTheFinalEvaluation() {
    Assessment a = assess(range("2.00"), "2025:2.90", 2025, Stage.FINAL);

    assertThat(a.notes()).containsExactly(Note.of(ABOVE_RANGE));
  }

  @ParameterizedTest(name = "{0}: {1} in {2} → {4}")
  @CsvSource({
    "annual, 2023:2.60, 2023, ANNUAL, COMPLETED",
    "annual, 2023:2.90, 2023, ANNUAL, INSUFFICIENT_DATA",
    "final, 2025:2.60, 2025, FINAL, ACHIEVED",
    "final, 2025:2.90, 2025, FINAL, NOT_ACHIEVED"
  })
  void shouldJudgeByTheRangeAloneWithoutBaseline(
      String name, String series, int year, Stage stage, Status status) {
    Assessment a = assess(range(null), series, year, stage);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.baseline()).isNull();
    assertThat(a.completionPct()).isNull();
    assertThat(a.timeProgressPct()).isNull();
    assertThat(a.notes()).containsExactly(Note.of(NO_BASELINE));
  }

  @Test
  void shouldReportInsufficientDataWhenTheDataYearIsTheBaselineYear() {
    Assessment a = assess(range("2.00"), "2020:2.00", 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.dataYear()).isEqualTo(2020);
    assertThat(a.completionPct()).isNull();
    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, 2020));
  }
}
