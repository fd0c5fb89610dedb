package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.dec;
import static org.planreports.assessment.Fixtures.level;
import static org.planreports.assessment.Fixtures.series;
import static org.planreports.assessment.NoteCode.BASELINE_MET;
import static org.planreports.assessment.NoteCode.BASELINE_YEAR;
import static org.planreports.assessment.NoteCode.DATA_AS_OF;
import static org.planreports.assessment.NoteCode.NO_BASELINE;
import static org.planreports.assessment.NoteCode.PRELIMINARY;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class LevelAssessmentTest {

  private static Assessment assess(Target target, String series, int year, Stage stage) {
    return Assessor.assess(target, series(series), PERIOD, year, stage);
  }

  @Test
  void shouldReproduceTheHighTechEnterpriseWorkedExample() {
    // 国家高新技术企业: 30 in 2020 (published), 52 in 2023, target >70 in 2025.
    Target target = level(">", "70", 0, "30");

    Assessment a = assess(target, "2020:30 2021:38 2022:45 2023:52", 2023, Stage.MIDTERM);

    assertThat(a.completionPct()).isEqualByComparingTo("55.0");
    assertThat(a.timeProgressPct()).isEqualByComparingTo("60.0");
    assertThat(a.scheduleRatio()).isEqualByComparingTo("0.92");
    assertThat(a.status()).isEqualTo(Status.BEHIND_SCHEDULE);
    assertThat(a.status().label()).isEqualTo("滞后于时序进度");
    assertThat(a.projection()).isEqualByComparingTo("75");
    assertThat(a.projectionMet()).isTrue();
    assertThat(a.projectionLabel()).isEqualTo("预计可完成");
    assertThat(a.requiredAnnualGrowthPct()).isEqualByComparingTo("16.0");
    assertThat(a.baselineYear()).isEqualTo(2020);
    assertThat(a.baseline()).isEqualByComparingTo("30");
    assertThat(a.dataYear()).isEqualTo(2023);
    assertThat(a.value()).isEqualByComparingTo("52");
    assertThat(a.met()).isFalse();
    assertThat(a.warning()).isTrue();
    assertThat(a.notes()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                         | op | T   | p | B    | series                  | year | status              | C      | τ     | S
          worked example                 | >  | 70  | 0 | 30   | 2020:30 2023:52         | 2023 | BEHIND_SCHEDULE     | 55.0   | 60.0  | 0.92
          S exactly 1                    | ≥  | 110 | 2 | 10   | 2021:30                 | 2021 | ON_SCHEDULE         | 20.0   | 20.0  | 1.00
          S above 1, not yet met         | ≥  | 110 | 2 | 10   | 2021:50                 | 2021 | ON_SCHEDULE         | 40.0   | 20.0  | 2.00
          S 0.95                         | ≥  | 110 | 2 | 10   | 2021:29                 | 2021 | NEARLY_ON_SCHEDULE  | 19.0   | 20.0  | 0.95
          S 0.9495 shows 0.95            | ≥  | 110 | 2 | 10   | 2021:28.99              | 2021 | NEARLY_ON_SCHEDULE  | 19.0   | 20.0  | 0.95
          S 0.94                         | ≥  | 110 | 2 | 10   | 2021:28.8               | 2021 | BEHIND_SCHEDULE     | 18.8   | 20.0  | 0.94
          S 0.60                         | ≥  | 110 | 2 | 10   | 2021:22                 | 2021 | BEHIND_SCHEDULE     | 12.0   | 20.0  | 0.60
          S 0.59                         | ≥  | 110 | 2 | 10   | 2021:21.8               | 2021 | FAR_BEHIND_SCHEDULE | 11.8   | 20.0  | 0.59
          no change                      | ≥  | 110 | 2 | 10   | 2021:10                 | 2021 | FAR_BEHIND_SCHEDULE | 0.0    | 20.0  | 0.00
          moving away                    | ≥  | 110 | 2 | 10   | 2021:9                  | 2021 | REVERSED            | -1.0   | 20.0  | -0.05
          R&D/GDP falling                | ≥  | 2.5 | 2 | 1.74 | 2020:1.74 2021:1.60     | 2021 | REVERSED            | -18.4  | 20.0  | -0.92
          ≤ target, T < B, moving away   | ≤  | 8   | 0 | 10   | 2021:12                 | 2021 | REVERSED            | -100.0 | 20.0  | -5.00
          ≤ target, T < B, on the way    | ≤  | 8   | 0 | 10   | 2022:9                  | 2022 | ON_SCHEDULE         | 50.0   | 40.0  | 1.25
          met                            | ≥  | 2.5 | 2 | 1.74 | 2023:2.51               | 2023 | COMPLETED           | 101.3  | 60.0  | 1.69
          met at the target year         | ≥  | 2.5 | 2 | 1.74 | 2025:2.60               | 2025 | COMPLETED           | 113.2  | 100.0 | 1.13
          strict > equal                 | >  | 500 | 0 | 259  | 2024:500                | 2024 | ON_SCHEDULE         | 100.0  | 80.0  | 1.25
          strict > one more              | >  | 500 | 0 | 259  | 2024:501                | 2024 | COMPLETED           | 100.4  | 80.0  | 1.26
          data year 2022 for 2023        | ≥  | 2.5 | 2 | 1.74 | 2020:1.74 2021:1.9 2022:2 | 2023 | BEHIND_SCHEDULE   | 34.2   | 40.0  | 0.86
          """)
  void shouldClassifyLevelTargetsByScheduleRatio(
      String name,
      String op,
      String target,
      int precision,
      String baseline,
      String series,
      int year,
      Status status,
      BigDecimal completion,
      BigDecimal time,
      BigDecimal schedule) {
    Assessment a = assess(level(op, target, precision, baseline), series, year, Stage.ANNUAL);

    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.completionPct()).as(name + " C").isEqualByComparingTo(completion);
    assertThat(a.timeProgressPct()).as(name + " τ").isEqualByComparingTo(time);
    assertThat(a.scheduleRatio()).as(name + " S").isEqualByComparingTo(schedule);
    assertThat(a.completionPct().scale()).isEqualTo(1);
    assertThat(a.scheduleRatio().scale()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} at precision {1} vs ≥{2} → {4}")
  @CsvSource({
    "2.495, 2, 2.5, 2.50, true",
    "2.4949, 2, 2.5, 2.49, false",
    "69.5, 0, 70, 70, true",
    "69.49, 0, 70, 69, false",
    "8.95, 1, 9, 9.0, true"
  })
  void shouldRoundHalfUpToPrecisionBeforeTheTargetTest(
      String value, int precision, String target, String shown, boolean met) {
    Assessment a =
        assess(level("≥", target, precision, null), "2020:1 2023:" + value, 2023, Stage.ANNUAL);

    assertThat(a.value()).isEqualByComparingTo(shown);
    assertThat(a.value().scale()).isEqualTo(precision);
    assertThat(a.met()).isEqualTo(met);
    assertThat(a.status() == Status.COMPLETED).isEqualTo(met);
  }

  @Test
  void shouldMarkStrictTargetUnmetWhenEqual() {
    Target target = level(">", "70", 0, "30");

    Assessment annual = assess(target, "2024:70", 2024, Stage.ANNUAL);
    Assessment finalExpected = assess(target, "2025:70", 2025, Stage.FINAL);
    Assessment finalBinding =
        Assessor.assess(
            Fixtures.target(Kind.LEVEL, ">", "70", 2025, Attribute.BINDING, 0, "30"),
            series("2025:70"),
            PERIOD,
            2025,
            Stage.FINAL);

    assertThat(annual.met()).isFalse();
    assertThat(annual.status()).isEqualTo(Status.ON_SCHEDULE);
    assertThat(finalExpected.met()).isFalse();
    assertThat(finalExpected.completionPct()).isEqualByComparingTo("100.0");
    assertThat(finalExpected.status()).isEqualTo(Status.NEARLY_ACHIEVED);
    assertThat(finalBinding.status()).isEqualTo(Status.NOT_ACHIEVED);
  }

  @Test
  void shouldCountATargetMetAtBaselineAsCompletedWithoutCompletion() {
    Assessment a = assess(level("≥", "15", 1, "16"), "2021:17", 2021, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(Status.COMPLETED);
    assertThat(a.met()).isTrue();
    assertThat(a.completionPct()).isNull();
    assertThat(a.scheduleRatio()).isNull();
    assertThat(a.timeProgressPct()).isEqualByComparingTo("20.0");
    assertThat(a.notes()).containsExactly(Note.of(BASELINE_MET));
  }

  @ParameterizedTest(name = "baseline {0} met ≥15, then {1} → {2}")
  @CsvSource({"16, 14, REVERSED", "15, 14.9, REVERSED", "16, 15, COMPLETED"})
  void shouldMarkAReversalWhenABaselineThatMetTheTargetFallsBelowIt(
      String baseline, String value, Status status) {
    Assessment a = assess(level("≥", "15", 1, baseline), "2022:" + value, 2022, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.completionPct()).isNull();
    // Still met or not, a falling value projects a miss, which is worth a warning.
    assertThat(a.projectionLabel()).isEqualTo("预计难以完成");
    assertThat(a.warning()).isTrue();
  }

  @Test
  void shouldMarkNoProgressWhenBaselineEqualsAStrictTarget() {
    Assessment a = assess(level(">", "50", 0, "50"), "2022:50", 2022, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(Status.FAR_BEHIND_SCHEDULE);
    assertThat(a.completionPct()).isNull();
  }

  @Test
  void shouldUseTheLatestEarlierYearAndSaySo() {
    Assessment a =
        assess(level("≥", "2.5", 2, "1.74"), "2020:1.74 2021:1.90 2022:2.00", 2023, Stage.MIDTERM);

    assertThat(a.dataYear()).isEqualTo(2022);
    assertThat(a.year()).isEqualTo(2023);
    assertThat(a.timeProgressPct()).isEqualByComparingTo("40.0");
    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, 2022));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "only the base year       | 2020:1.74         | 2020",
        "only years before base   | 2019:1.70         | 2019",
        "base year and later only | 2020:1.74 2024:2 | 2020"
      })
  void shouldReportInsufficientDataWhenTheDataYearIsTheBaselineYear(
      String name, String series, int dataYear) {
    Assessment a = assess(level("≥", "2.5", 2, "1.74"), series, 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.dataYear()).isEqualTo(dataYear);
    assertThat(a.completionPct()).isNull();
    assertThat(a.scheduleRatio()).isNull();
    assertThat(a.projection()).isNull();
    assertThat(a.met()).isFalse();
    assertThat(a.warning()).isFalse();
    assertThat(a.notes()).containsExactly(Note.of(DATA_AS_OF, dataYear));
  }

  @Test
  void shouldReportInsufficientDataWithoutAnyObservation() {
    Assessment a = assess(level("≥", "2.5", 2, "1.74"), "", 2023, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(a.dataYear()).isNull();
    assertThat(a.value()).isNull();
    assertThat(a.baseline()).isEqualByComparingTo("1.74");
    assertThat(a.notes()).isEmpty();
  }

  @Test
  void shouldReplaceAMissingBaselineByTheFirstLaterYear() {
    Assessment a =
        assess(level("≥", "100", 0, null), "2021:40 2022:50 2023:60", 2023, Stage.ANNUAL);

    assertThat(a.baselineYear()).isEqualTo(2021);
    assertThat(a.baseline()).isEqualByComparingTo("40");
    assertThat(a.timeProgressPct()).isEqualByComparingTo("50.0");
    assertThat(a.completionPct()).isEqualByComparingTo("33.3");
    assertThat(a.scheduleRatio()).isEqualByComparingTo("0.67");
    assertThat(a.status()).isEqualTo(Status.BEHIND_SCHEDULE);
    assertThat(a.notes()).containsExactly(Note.of(BASELINE_YEAR, 2021));
  }

  @Test
  void shouldPreferTheExtractsBaseYearValueWhenThePlanPrintsNone() {
    Assessment a = assess(level("≥", "75", 2, null), "2020:50 2021:55", 2021, Stage.ANNUAL);

    assertThat(a.baselineYear()).isEqualTo(2020);
    assertThat(a.baseline()).isEqualByComparingTo("50.00");
    assertThat(a.notes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} in {2} → {4}")
  @CsvSource({
    "annual, 2023:120, 2023, ANNUAL, COMPLETED",
    "annual, 2023:80, 2023, ANNUAL, INSUFFICIENT_DATA",
    "final, 2025:120, 2025, FINAL, ACHIEVED",
    "final, 2025:80, 2025, FINAL, NOT_ACHIEVED"
  })
  void shouldJudgeByTheTargetTestAloneWithoutBaseline(
      String name, String series, int year, Stage stage, Status status) {
    Assessment a = assess(level("≥", "100", 0, null), series, year, stage);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.baselineYear()).isNull();
    assertThat(a.baseline()).isNull();
    assertThat(a.completionPct()).isNull();
    assertThat(a.scheduleRatio()).isNull();
    assertThat(a.timeProgressPct()).isNull();
    assertThat(a.projection()).isNull();
    assertThat(a.notes()).containsExactly(Note.of(NO_BASELINE));
  }

  @Test
  void shouldGiveTheRequiredGrowthWithoutBaseline() {
    Assessment a = assess(level("≥", "100", 0, null), "2023:81", 2023, Stage.ANNUAL);

    assertThat(a.requiredAnnualGrowthPct()).isEqualByComparingTo("11.1");
  }

  @ParameterizedTest(name = "extract 2020 = {0} → note: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.80   | BASELINE_REVISED 2020 1.80",
        "1.8    | BASELINE_REVISED 2020 1.80",
        "1.7449 | ''",
        "1.74   | ''"
      })
  void shouldKeepThePublishedBaselineAndNoteARevision(String extract, String note) {
    Assessment a =
        assess(level("≥", "2.5", 2, "1.74"), "2020:" + extract + " 2021:1.90", 2021, Stage.ANNUAL);

    assertThat(a.baseline()).isEqualByComparingTo("1.74");
    assertThat(a.baselineYear()).isEqualTo(2020);
    assertThat(a.completionPct()).isEqualByComparingTo("21.1");
    if (note.isEmpty()) {
      assertThat(a.notes()).isEmpty();
    } else {
      assertThat(a.notes()).containsExactly(Notes.parse(note));
    }
  }

  @Test
  void shouldFootnotePreliminaryFigures() {
    Assessment a = assess(level(">", "70", 0, "30"), "2020:30 2023:52p", 2023, Stage.MIDTERM);

    assertThat(a.preliminary()).isTrue();
    assertThat(a.notes()).containsExactly(Note.of(PRELIMINARY, 2023));
  }

  @Test
  void shouldFootnoteAPreliminaryBaselineAndDataYearTogether() {
    Assessment a = assess(level("≥", "100", 0, null), "2021:40p 2022:45p", 2023, Stage.ANNUAL);

    assertThat(a.notes())
        .containsExactly(
            Note.of(BASELINE_YEAR, 2021),
            Note.of(DATA_AS_OF, 2022),
            Note.of(PRELIMINARY, 2021, 2022));
  }

  @Test
  void shouldProjectAMissAndRaiseAWarning() {
    Assessment a = assess(level(">", "70", 0, "30"), "2023:40", 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(Status.FAR_BEHIND_SCHEDULE);
    assertThat(a.projection()).isEqualByComparingTo("48");
    assertThat(a.projectionLabel()).isEqualTo("预计难以完成");
    assertThat(a.warning()).isTrue();
  }

  @Test
  void shouldWarnOnlyWhenLaggingOrProjectedToMiss() {
    Assessment a = assess(level("≥", "100", 0, "50"), "2023:80", 2023, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(Status.ON_SCHEDULE);
    assertThat(a.projection()).isEqualByComparingTo("109");
    assertThat(a.warning()).isFalse();

    Assessment slow = assess(level("≥", "100", 0, "10"), "2023:40", 2023, Stage.ANNUAL);
    assertThat(slow.scheduleRatio()).isEqualByComparingTo("0.56");
    assertThat(slow.warning()).isTrue();
  }

  @Test
  void shouldNotWarnNorProjectInTheFinalEvaluation() {
    Assessment a = assess(level(">", "70", 0, "30"), "2025:60", 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(Status.NOT_ACHIEVED);
    assertThat(a.projection()).isNull();
    assertThat(a.projectionLabel()).isNull();
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.warning()).isFalse();
  }

  @Test
  void shouldNotRequireGrowthOnceMet() {
    Assessment a = assess(level(">", "70", 0, "30"), "2024:71", 2024, Stage.ANNUAL);

    assertThat(a.status()).isEqualTo(Status.COMPLETED);
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.warning()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0} {1} {2} → {5}")
  @CsvSource({
    "≥, 2.5, 2025:2.50, EXPECTED, 100.0, ACHIEVED",
    "≥, 2.5, 2025:2.47, EXPECTED, 96.1, NEARLY_ACHIEVED",
    "≥, 2.5, 2025:2.47, BINDING, 96.1, NOT_ACHIEVED",
    "≥, 2.5, 2025:2.40, EXPECTED, 86.8, NOT_ACHIEVED",
    "≥, 2.5, 2025:1.60, EXPECTED, -18.4, NOT_ACHIEVED",
    "≥, 2.5, 2024:2.48, EXPECTED, 97.4, NEARLY_ACHIEVED",
    "≥, 2.5, '', EXPECTED, , INSUFFICIENT_DATA",
    "≥, 2.5, 2020:1.74, EXPECTED, , INSUFFICIENT_DATA"
  })
  void shouldGiveFinalStatuses(
      String op,
      String target,
      String series,
      Attribute attribute,
      BigDecimal completion,
      Status status) {
    Target t = Fixtures.target(Kind.LEVEL, op, target, 2025, attribute, 2, "1.74");

    Assessment a = Assessor.assess(t, series(series), PERIOD, 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.status().isFinalClass()).isTrue();
    if (completion == null) {
      assertThat(a.completionPct()).isNull();
    } else {
      assertThat(a.completionPct()).isEqualByComparingTo(completion);
    }
  }

  @ParameterizedTest(name = "C {0} % → {1}")
  @CsvSource({"95, NEARLY_ACHIEVED", "94.95, NEARLY_ACHIEVED", "94.94, NOT_ACHIEVED"})
  void shouldApplyTheNearlyCompleteThresholdToThePublishedCompletion(String value, Status status) {
    Assessment a = assess(level("≥", "100", 2, "0"), "2025:" + value, 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(status);
  }

  @Test
  void shouldAssessAZoneTargetDueIn2023AgainstItsOwnYear() {
    // 专栏1: 高新技术企业 ≥60家 by 2023.
    Target zone = Fixtures.target(Kind.LEVEL, "≥", "60", 2023, Attribute.EXPECTED, 0, null);

    Assessment early =
        Assessor.assess(zone, series("2020:35 2022:50"), PERIOD, 2023, Stage.MIDTERM);
    Assessment due = Assessor.assess(zone, series("2020:35 2023:55"), PERIOD, 2023, Stage.MIDTERM);
    Assessment late = Assessor.assess(zone, series("2020:35 2025:61"), PERIOD, 2025, Stage.FINAL);

    assertThat(early.targetYear()).isEqualTo(2023);
    assertThat(early.timeProgressPct()).isEqualByComparingTo("66.7");
    assertThat(early.completionPct()).isEqualByComparingTo("60.0");
    assertThat(early.scheduleRatio()).isEqualByComparingTo("0.90");
    assertThat(early.projection()).isEqualByComparingTo("60");
    assertThat(early.projectionLabel()).isEqualTo("预计可完成");
    assertThat(early.requiredAnnualGrowthPct()).isEqualByComparingTo("20.0");
    assertThat(due.timeProgressPct()).isEqualByComparingTo("100.0");
    assertThat(due.scheduleRatio()).isEqualByComparingTo("0.80");
    assertThat(due.status()).isEqualTo(Status.BEHIND_SCHEDULE);
    assertThat(due.projection()).isNull();
    assertThat(due.requiredAnnualGrowthPct()).isNull();
    assertThat(late.status()).isEqualTo(Status.ACHIEVED);
  }

  @Test
  void shouldRefuseTwoObservationsForOneYear() {
    List<Observation> twice = List.of(Observation.of(2021, "1"), Observation.of(2021, "2"));

    assertThatThrownBy(
            () -> Assessor.assess(level("≥", "2", 0, "1"), twice, PERIOD, 2021, Stage.ANNUAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2021");
  }

  @Test
  void shouldAcceptTheSeriesInAnyOrder() {
    Target target = level(">", "70", 0, "30");

    Assessment sorted = assess(target, "2020:30 2022:45 2023:52", 2023, Stage.MIDTERM);
    Assessment shuffled = assess(target, "2023:52 2020:30 2022:45", 2023, Stage.MIDTERM);

    assertThat(shuffled).isEqualTo(sorted);
    assertThat(dec("52")).isEqualByComparingTo(shuffled.value());
  }
}
