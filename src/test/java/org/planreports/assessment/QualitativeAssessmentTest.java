package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.series;
import static org.planreports.assessment.NoteCode.AS_REPORTED;
import static org.planreports.assessment.NoteCode.DATA_AS_OF;
import static org.planreports.assessment.NoteCode.NOT_YET_DUE;
import static org.planreports.assessment.NoteCode.PRELIMINARY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;

/** A QUALITATIVE target: the series holds the codes 2 (已完成), 1 (推进中) and 0 (未启动). */
class QualitativeAssessmentTest {

  private static Assessment assess(
      int due, Attribute attribute, String series, int year, Stage stage) {
    return Assessor.assess(
        Fixtures.qualitative(due, attribute), series(series), PERIOD, year, stage);
  }

  private static void assertNoMetrics(Assessment a) {
    assertThat(a.baselineYear()).isNull();
    assertThat(a.baseline()).isNull();
    assertThat(a.completionPct()).isNull();
    assertThat(a.timeProgressPct()).isNull();
    assertThat(a.scheduleRatio()).isNull();
    assertThat(a.projection()).isNull();
    assertThat(a.projectionLabel()).isNull();
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.singleYearGrowths()).isEmpty();
  }

  // 预警: 未启动 from the mid-term year (or an earlier due year) on; 推进中 once due.
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                               | due  | series | year | stage   | status      | met   | warning
          已完成 in year one                    | 2025 | 2021:2 | 2021 | ANNUAL  | COMPLETED   | true  | false
          推进中 in year one                    | 2025 | 2021:1 | 2021 | ANNUAL  | IN_PROGRESS | false | false
          未启动 in year one                    | 2025 | 2021:0 | 2021 | ANNUAL  | NOT_STARTED | false | false
          未启动 before the mid-term            | 2025 | 2022:0 | 2022 | ANNUAL  | NOT_STARTED | false | false
          已完成 at the mid-term                | 2025 | 2023:2 | 2023 | MIDTERM | COMPLETED   | true  | false
          推进中 at the mid-term                | 2025 | 2023:1 | 2023 | MIDTERM | IN_PROGRESS | false | false
          未启动 at the mid-term                | 2025 | 2023:0 | 2023 | MIDTERM | NOT_STARTED | false | true
          未启动 after the mid-term             | 2025 | 2024:0 | 2024 | ANNUAL  | NOT_STARTED | false | true
          推进中 in the due year                | 2025 | 2025:1 | 2025 | ANNUAL  | IN_PROGRESS | false | true
          推进中 at a mid-term that is due      | 2023 | 2023:1 | 2023 | MIDTERM | IN_PROGRESS | false | true
          未启动 in an early due year           | 2022 | 2022:0 | 2022 | ANNUAL  | NOT_STARTED | false | true
          已完成 after its due year             | 2022 | 2023:2 | 2023 | MIDTERM | COMPLETED   | true  | false
          """)
  void shouldListTheReportedStatusInMonitoring(
      String name,
      int due,
      String series,
      int year,
      Stage stage,
      Status status,
      boolean met,
      boolean warning) {
    Assessment a = assess(due, Attribute.EXPECTED, series, year, stage);

    assertThat(a.kind()).isEqualTo(Kind.QUALITATIVE);
    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.met()).as(name + " met").isEqualTo(met);
    assertThat(a.warning()).as(name + " 预警").isEqualTo(warning);
    assertThat(a.dataYear()).isEqualTo(year);
    assertThat(a.value()).isEqualByComparingTo(series.substring(5));
    assertThat(a.notes()).containsExactly(Note.of(AS_REPORTED));
    assertThat(a.hasData()).isTrue();
    assertNoMetrics(a);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                    | attribute | series | status       | met
          已完成                     | EXPECTED  | 2025:2 | ACHIEVED     | true
          推进中, expected           | EXPECTED  | 2025:1 | NOT_ACHIEVED | false
          未启动, expected           | EXPECTED  | 2025:0 | NOT_ACHIEVED | false
          已完成, binding            | BINDING   | 2025:2 | ACHIEVED     | true
          推进中, binding            | BINDING   | 2025:1 | NOT_ACHIEVED | false
          """)
  void shouldGiveFinalStatusesWithoutNearlyAchieved(
      String name, Attribute attribute, String series, Status status, boolean met) {
    Assessment a = assess(2025, attribute, series, 2025, Stage.FINAL);

    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.status().isFinalClass()).isTrue();
    assertThat(a.met()).isEqualTo(met);
    assertThat(a.warning()).isFalse();
    assertThat(a.notes()).containsExactly(Note.of(AS_REPORTED));
    assertNoMetrics(a);
  }

  @Test
  void shouldUseTheLatestEarlierReportAndSaySo() {
    Assessment a = assess(2025, Attribute.EXPECTED, "2021:0 2022:1", 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(a.dataYear()).isEqualTo(2022);
    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, 2022), Note.of(AS_REPORTED));
  }

  @Test
  void shouldJudgeTheFinalEvaluationOnTheLatestReport() {
    Assessment a = assess(2025, Attribute.EXPECTED, "2023:1 2024:2", 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(Status.ACHIEVED);
    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, 2024), Note.of(AS_REPORTED));
  }

  @Test
  void shouldFootnoteAPreliminaryReport() {
    Assessment a = assess(2025, Attribute.EXPECTED, "2022:1p", 2022, Stage.ANNUAL);

    assertThat(a.preliminary()).isTrue();
    assertThat(a.notes()).containsExactly(Note.of(PRELIMINARY, 2022), Note.of(AS_REPORTED));
  }

  @ParameterizedTest(name = "no report at {0} {1}")
  @CsvSource({"2023, ANNUAL", "2023, MIDTERM", "2025, FINAL"})
  void shouldReportInsufficientDataWithoutAReport(int year, Stage stage) {
    Assessment a = assess(2025, Attribute.EXPECTED, "2026:2", year, stage);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.hasData()).isFalse();
    assertThat(a.met()).isFalse();
    assertThat(a.warning()).isFalse();
    assertThat(a.dataYear()).isNull();
    assertThat(a.value()).isNull();
    assertThat(a.notes()).containsExactly(Note.of(AS_REPORTED));
  }

  @ParameterizedTest(name = "only {0}, assessed {1} {2}")
  @CsvSource({"2020:2, 2023, MIDTERM", "2019:1, 2023, ANNUAL", "2020:0, 2025, FINAL"})
  void shouldReportInsufficientDataWhenTheDataYearIsTheBaseYear(
      String series, int year, Stage stage) {
    Assessment a = assess(2025, Attribute.EXPECTED, series, year, stage);

    int dataYear = Integer.parseInt(series.substring(0, 4));
    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.dataYear()).isEqualTo(dataYear);
    assertThat(a.met()).isFalse();
    assertThat(a.warning()).isFalse();
    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, dataYear), Note.of(AS_REPORTED));
  }

  @Test
  void shouldKeepTheAnnualRulesForATargetNotYetDueAtTheFinalEvaluation() {
    Assessment a = assess(2026, Attribute.EXPECTED, "2025:1", 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(a.warning()).isFalse();
    assertThat(a.notes()).containsExactly(Note.of(NOT_YET_DUE, 2026), Note.of(AS_REPORTED));
  }

  @Test
  void shouldCountEveryReportedWordAsDataInTheSummary() {
    List<Assessment> table =
        List.of(
            assess(2025, Attribute.EXPECTED, "2023:2", 2023, Stage.MIDTERM),
            assess(2025, Attribute.EXPECTED, "2023:1", 2023, Stage.MIDTERM),
            assess(2025, Attribute.EXPECTED, "2023:0", 2023, Stage.MIDTERM),
            assess(2025, Attribute.EXPECTED, "", 2023, Stage.MIDTERM));

    Summary summary = Summary.summarize(table);

    assertThat(summary.withData()).isEqualTo(3);
    assertThat(summary.met()).isEqualTo(1);
    assertThat(summary.completionRatePct()).isEqualByComparingTo("33.3");
    assertThat(summary.count(Status.IN_PROGRESS)).isEqualTo(1);
    assertThat(summary.count(Status.NOT_STARTED)).isEqualTo(1);
  }

  @Test
  void shouldRefuseACodeThatIsNoReportedStatus() {
    assertThatThrownBy(() -> assess(2025, Attribute.EXPECTED, "2021:3", 2021, Stage.ANNUAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("已完成");
  }
}
