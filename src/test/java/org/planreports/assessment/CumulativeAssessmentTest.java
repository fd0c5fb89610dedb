package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.series;
import static org.planreports.assessment.NoteCode.DATA_AS_OF;
import static org.planreports.assessment.NoteCode.PRELIMINARY;
import static org.planreports.assessment.NoteCode.YEARS_MISSING;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class CumulativeAssessmentTest {

  // 市级及以上科技进步奖 ≥5项 over the plan period.
  private static final Target AWARDS = Fixtures.target(Kind.CUMULATIVE, "≥", "5", 0, null);

  private static Assessment assess(String series, int year, Stage stage) {
    return Assessor.assess(AWARDS, series(series), PERIOD, year, stage);
  }

  @ParameterizedTest(name = "[{index}] {0} in {1} → sum {2}, {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # series                        | year | sum | C     | S    | status
          2020:3 2021:1 2022:2 2023:0     | 2023 | 3   | 60.0  | 1.00 | ON_SCHEDULE
          2021:1                          | 2021 | 1   | 20.0  | 1.00 | ON_SCHEDULE
          2021:1 2022:0 2023:1            | 2023 | 2   | 40.0  | 0.67 | BEHIND_SCHEDULE
          2021:0 2022:0                   | 2022 | 0   | 0.0   | 0.00 | FAR_BEHIND_SCHEDULE
          2021:3 2022:2                   | 2022 | 5   | 100.0 | 2.50 | COMPLETED
          2021:3 2022:2 2024:1            | 2022 | 5   | 100.0 | 2.50 | COMPLETED
          """)
  void shouldSumTheYearsAfterTheBaseYear(
      String series,
      int year,
      BigDecimal sum,
      BigDecimal completion,
      BigDecimal schedule,
      Status status) {
    Assessment a = assess(series, year, Stage.ANNUAL);

    assertThat(a.value()).isEqualByComparingTo(sum);
    assertThat(a.baseline()).isEqualByComparingTo("0");
    assertThat(a.baselineYear()).isEqualTo(2020);
    assertThat(a.completionPct()).isEqualByComparingTo(completion);
    assertThat(a.scheduleRatio()).isEqualByComparingTo(schedule);
    assertThat(a.status()).isEqualTo(status);
    // A sum has no compound growth: no projection and no required growth rate.
    assertThat(a.projection()).isNull();
    assertThat(a.requiredAnnualGrowthPct()).isNull();
  }

  @Test
  void shouldNoteYearsMissingFromTheSum() {
    Assessment a = assess("2021:1 2023:2p 2025:9", 2024, Stage.ANNUAL);

    assertThat(a.value()).isEqualByComparingTo("3");
    assertThat(a.dataYear()).isEqualTo(2023);
    assertThat(a.timeProgressPct()).isEqualByComparingTo("60.0");
    assertThat(a.notes())
        .containsExactly(
            Note.of(DATA_AS_OF, 2023), Note.of(PRELIMINARY, 2023), Note.of(YEARS_MISSING, 2022));
  }

  @ParameterizedTest(name = "series \"{0}\"")
  @CsvSource({"''", "2020:4", "2019:1 2020:2"})
  void shouldReportInsufficientDataWithoutAYearAfterTheBase(String series) {
    Assessment a = assess(series, 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.value()).isNull();
  }

  @ParameterizedTest(name = "sum {0} → {1}")
  @CsvSource({
    "2021:1 2022:1 2023:1 2024:1 2025:1, ACHIEVED",
    "2021:1 2022:1 2023:1 2024:1, NOT_ACHIEVED",
    "2021:1 2022:1 2023:1 2024:1 2025:0, NOT_ACHIEVED"
  })
  void shouldGiveFinalStatusesOnTheFiveYearSum(String series, Status status) {
    Assessment a = assess(series, 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(status);
  }

  @Test
  void shouldAllowNearlyAchievedForALargeExpectedCount() {
    // 重庆英才 ≥10个: 19 of 20 is 95 %.
    Target talents = Fixtures.target(Kind.CUMULATIVE, "≥", "20", 0, null);

    Assessment a =
        Assessor.assess(
            talents, series("2021:4 2022:4 2023:4 2024:4 2025:3"), PERIOD, 2025, Stage.FINAL);

    assertThat(a.completionPct()).isEqualByComparingTo("95.0");
    assertThat(a.status()).isEqualTo(Status.NEARLY_ACHIEVED);
  }
}
