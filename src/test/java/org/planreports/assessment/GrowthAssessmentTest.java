package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.series;
import static org.planreports.assessment.NoteCode.BASELINE_REVISED;
import static org.planreports.assessment.NoteCode.BASELINE_YEAR;
import static org.planreports.assessment.NoteCode.CURRENT_PRICES;
import static org.planreports.assessment.NoteCode.DATA_AS_OF;
import static org.planreports.assessment.NoteCode.PRELIMINARY;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class GrowthAssessmentTest {

  // 全社会研发经费投入增长 ≥10 %/yr on R&D expenditure E (亿元); the plan prints no baseline.
  private static final Target RD_GROWTH = growth("≥", Attribute.EXPECTED, null);

  private static Target growth(String op, Attribute attribute, String baselineLevel) {
    return Fixtures.target(Kind.GROWTH, op, "10", 2025, attribute, 1, baselineLevel);
  }

  private static Assessment assess(Target target, String series, int year, Stage stage) {
    return Assessor.assess(target, series(series), PERIOD, year, stage);
  }

  @Test
  void shouldCountSingleYearsThatMetTheRateAroundAFallingYear() {
    Assessment a = assess(RD_GROWTH, "2020:6.2 2021:7.0 2022:6.8 2023:8.5", 2023, Stage.MIDTERM);

    assertThat(a.value()).isEqualByComparingTo("11.1");
    assertThat(a.met()).isTrue();
    assertThat(a.status()).isEqualTo(Status.ON_SCHEDULE);
    assertThat(a.scheduleRatio()).isEqualByComparingTo("1.11");
    assertThat(a.singleYearGrowths())
        .containsExactly(
            new YearGrowth(2021, new BigDecimal("12.9"), true),
            new YearGrowth(2022, new BigDecimal("-2.9"), false),
            new YearGrowth(2023, new BigDecimal("25.0"), true));
    assertThat(a.singleYearsMet()).isEqualTo(2);
    assertThat(a.baselineYear()).isEqualTo(2020);
    assertThat(a.baseline()).isEqualByComparingTo("6.2");
    assertThat(a.timeProgressPct()).isNull();
    assertThat(a.completionPct()).isNull();
    assertThat(a.projectionLabel()).isEqualTo("预计可完成");
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.notes()).containsExactly(Note.of(CURRENT_PRICES));
  }

  @Test
  void shouldSkipSingleYearsWithAMissingNeighbour() {
    Assessment a = assess(RD_GROWTH, "2020:100 2021:112 2023:130", 2023, Stage.ANNUAL);

    assertThat(a.singleYearGrowths()).extracting(YearGrowth::year).containsExactly(2021);
    assertThat(a.value()).isEqualByComparingTo("9.1");
  }

  @ParameterizedTest(name = "[{index}] {0}: g_a {2}, r {3} → {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                  | series                | g_a  | r     | status
          met                     | 2020:100 2021:110     | 10.0 | 1.00  | ON_SCHEDULE
          r 0.95                  | 2020:100 2021:109.5   | 9.5  | 0.95  | NEARLY_ON_SCHEDULE
          r 0.94                  | 2020:100 2021:109.4   | 9.4  | 0.94  | BEHIND_SCHEDULE
          r 0.60                  | 2020:100 2021:106     | 6.0  | 0.60  | BEHIND_SCHEDULE
          r 0.59                  | 2020:100 2021:105.9   | 5.9  | 0.59  | FAR_BEHIND_SCHEDULE
          no growth               | 2020:100 2021:100     | 0.0  | 0.00  | FAR_BEHIND_SCHEDULE
          falling                 | 2020:100 2021:97      | -3.0 | -0.30 | REVERSED
          tiny fall rounds to 0   | 2020:100 2021:99.99   | 0.0  | 0.00  | FAR_BEHIND_SCHEDULE
          9.96 shows 10.0, met    | 2020:100 2021:109.96  | 10.0 | 1.00  | ON_SCHEDULE
          """)
  void shouldClassifyGrowthByPaceRatio(
      String name, String series, BigDecimal average, BigDecimal pace, Status status) {
    Assessment a = assess(RD_GROWTH, series, 2021, Stage.ANNUAL);

    assertThat(a.value()).as(name).isEqualByComparingTo(average);
    assertThat(a.scheduleRatio()).as(name).isEqualByComparingTo(pace);
    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.warning()).as(name).isEqualTo(status.isLagging() || !a.met());
  }

  @Test
  void shouldNotMeetAStrictRateWithAnEqualAverage() {
    Assessment a =
        assess(growth(">", Attribute.EXPECTED, null), "2020:100 2021:110", 2021, Stage.ANNUAL);

    assertThat(a.met()).isFalse();
    assertThat(a.scheduleRatio()).isEqualByComparingTo("1.00");
    assertThat(a.status()).isEqualTo(Status.NEARLY_ON_SCHEDULE);
    assertThat(a.singleYearsMet()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no data at all                 | ''",
        "only the base year             | 2020:6.2",
        "only one later year            | 2023:8.5",
        "only years before the base     | 2019:5.9",
        "a zero level                   | 2020:0 2023:8.5"
      })
  void shouldReportInsufficientDataWithFewerThanTwoYears(String name, String series) {
    Assessment a = assess(RD_GROWTH, series, 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.value()).isNull();
    assertThat(a.scheduleRatio()).isNull();
    assertThat(a.singleYearGrowths()).isEmpty();
    assertThat(a.met()).isFalse();
  }

  @Test
  void shouldSayTheDataEndInTheBaseYear() {
    Assessment a = assess(RD_GROWTH, "2020:6.2", 2023, Stage.MIDTERM);

    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, 2020), Note.of(CURRENT_PRICES));
  }

  @Test
  void shouldMeasureGrowthFromALaterBaseYear() {
    Assessment a = assess(RD_GROWTH, "2021:100 2023:121", 2023, Stage.ANNUAL);

    assertThat(a.baselineYear()).isEqualTo(2021);
    assertThat(a.value()).isEqualByComparingTo("10.0");
    assertThat(a.notes()).containsExactly(Note.of(BASELINE_YEAR, 2021), Note.of(CURRENT_PRICES));
  }

  @Test
  void shouldGiveTheGrowthStillNeededForTheFiveYearAverage() {
    Assessment a = assess(RD_GROWTH, "2020:6.2 2023:7.4", 2023, Stage.MIDTERM);

    assertThat(a.value()).isEqualByComparingTo("6.1");
    assertThat(a.status()).isEqualTo(Status.BEHIND_SCHEDULE);
    assertThat(a.projectionLabel()).isEqualTo("预计难以完成");
    // 6.2 × 1.1^5 = 9.985; (9.985/7.4)^(1/2) − 1 = 16.2 %.
    assertThat(a.requiredAnnualGrowthPct()).isEqualByComparingTo("16.2");
    assertThat(a.warning()).isTrue();
  }

  @Test
  void shouldUseThePublishedLevelAndNoteARevision() {
    Assessment a =
        assess(growth("≥", Attribute.EXPECTED, "6.2"), "2020:6.3 2021:6.82", 2021, Stage.ANNUAL);

    assertThat(a.baseline()).isEqualByComparingTo("6.2");
    assertThat(a.value()).isEqualByComparingTo("10.0");
    assertThat(a.notes())
        .containsExactly(Note.of(BASELINE_REVISED, 2020, "6.3"), Note.of(CURRENT_PRICES));
  }

  @Test
  void shouldFootnotePreliminaryLevels() {
    Assessment a = assess(RD_GROWTH, "2020:6.2 2021:7.0 2022:7.7p", 2022, Stage.ANNUAL);

    assertThat(a.preliminary()).isTrue();
    assertThat(a.notes()).containsExactly(Note.of(PRELIMINARY, 2022), Note.of(CURRENT_PRICES));
  }

  @ParameterizedTest(name = "E2025 {0} ({1}) → g_a {2} → {3}")
  @CsvSource({
    "161.05, EXPECTED, 10.0, ACHIEVED",
    "158, EXPECTED, 9.6, NEARLY_ACHIEVED",
    "158, BINDING, 9.6, NOT_ACHIEVED",
    "157, EXPECTED, 9.4, NOT_ACHIEVED",
    "90, EXPECTED, -2.1, NOT_ACHIEVED"
  })
  void shouldJudgeTheFiveYearAverageInTheFinalEvaluation(
      String level, Attribute attribute, BigDecimal average, Status status) {
    Assessment a =
        assess(growth("≥", attribute, null), "2020:100 2025:" + level, 2025, Stage.FINAL);

    assertThat(a.value()).isEqualByComparingTo(average);
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.projection()).isNull();
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.warning()).isFalse();
  }
}
