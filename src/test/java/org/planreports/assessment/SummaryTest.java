package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Comparator;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class SummaryTest {

  private static Assessment withStatus(Status status) {
    return new Assessment(
        Kind.LEVEL,
        status.isFinalClass() ? Stage.FINAL : Stage.ANNUAL,
        2023,
        2025,
        status,
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
        status.isMet(),
        false,
        false,
        List.of(),
        0,
        List.of());
  }

  private static List<Assessment> assessments(String statuses) {
    if (statuses.isBlank()) {
      return List.of();
    }
    return Arrays.stream(statuses.trim().split("\\s+"))
        .map(Status::valueOf)
        .map(SummaryTest::withStatus)
        .toList();
  }

  @ParameterizedTest(name = "[{index}] {0} → {1}/{2} = {3}")
  @CsvSource({
    "COMPLETED COMPLETED ON_SCHEDULE BEHIND_SCHEDULE INSUFFICIENT_DATA, 4, 2, 50.0",
    "ACHIEVED ACHIEVED NEARLY_ACHIEVED NOT_ACHIEVED INSUFFICIENT_DATA INSUFFICIENT_DATA, 4, 2, 50.0",
    "ACHIEVED NOT_ACHIEVED NOT_ACHIEVED, 3, 1, 33.3",
    "ACHIEVED ACHIEVED NOT_ACHIEVED, 3, 2, 66.7",
    "ON_SCHEDULE NEARLY_ON_SCHEDULE REVERSED FAR_BEHIND_SCHEDULE, 4, 0, 0.0",
    "COMPLETED, 1, 1, 100.0",
    "COMPLETED IN_PROGRESS NOT_STARTED INSUFFICIENT_DATA, 3, 1, 33.3",
    "INSUFFICIENT_DATA INSUFFICIENT_DATA, 0, 0, ",
    "'', 0, 0, "
  })
  void shouldComputeTheCompletionRateOverIndicatorsWithData(
      String statuses, int withData, int met, BigDecimal rate) {
    Summary summary = Summary.summarize(assessments(statuses));

    assertThat(summary.withData()).isEqualTo(withData);
    assertThat(summary.met()).isEqualTo(met);
    if (rate == null) {
      assertThat(summary.completionRatePct()).isNull();
    } else {
      assertThat(summary.completionRatePct()).isEqualByComparingTo(rate);
      assertThat(summary.completionRatePct().scale()).isEqualTo(1);
    }
  }

  @Test
  void shouldCountEachStatusInEnumOrder() {
    Summary summary =
        Assessor.summarize(
            assessments(
                "INSUFFICIENT_DATA BEHIND_SCHEDULE COMPLETED BEHIND_SCHEDULE COMPLETED COMPLETED"));

    assertThat(summary.counts())
        .containsExactly(
            Map.entry(Status.COMPLETED, 3),
            Map.entry(Status.BEHIND_SCHEDULE, 2),
            Map.entry(Status.INSUFFICIENT_DATA, 1));
    assertThat(summary.count(Status.REVERSED)).isZero();
    assertThat(summary.total()).isEqualTo(6);
  }

  @Test
  void shouldSummarizeRealAssessments() {
    PlanPeriod period = Fixtures.PERIOD;
    List<Assessment> table =
        List.of(
            Assessor.assess(
                Fixtures.level(">", "70", 0, "30"),
                Fixtures.series("2020:30 2023:52"),
                period,
                2023,
                Stage.MIDTERM),
            Assessor.assess(
                Fixtures.level("≥", "2.5", 2, "1.74"),
                Fixtures.series("2023:2.55"),
                period,
                2023,
                Stage.MIDTERM),
            Assessor.assess(
                Fixtures.level("≥", "75", 0, null),
                Fixtures.series(""),
                period,
                2023,
                Stage.MIDTERM));

    Summary summary = Summary.summarize(table);

    assertThat(summary.count(Status.BEHIND_SCHEDULE)).isEqualTo(1);
    assertThat(summary.count(Status.COMPLETED)).isEqualTo(1);
    assertThat(summary.count(Status.INSUFFICIENT_DATA)).isEqualTo(1);
    assertThat(summary.completionRatePct()).isEqualByComparingTo("50.0");
  }

  @Test
  void shouldRefuseMoreMetThanWithData() {
    assertThatThrownBy(() -> new Summary(Map.of(), 1, 2, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Summary(Map.of(Status.COMPLETED, -1), 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void shouldNotCountAMilestoneNotYetDueAndNotHappenedAsWithData() {
    PlanPeriod period = new PlanPeriod(2020, 2023, 2025);
    Target due2026 =
        new Target(
            Kind.MILESTONE,
            Comparator.LE,
            java.math.BigDecimal.valueOf(2026),
            2026,
            Attribute.EXPECTED,
            0,
            null,
            null);
    Assessment pending = Assessor.assess(due2026, java.util.List.of(), period, 2023, Stage.ANNUAL);
    Assessment happened =
        Assessor.assess(
            due2026,
            java.util.List.of(new Observation(2022, java.math.BigDecimal.valueOf(2022), false)),
            period,
            2023,
            Stage.ANNUAL);
    assertThat(pending.hasData()).isFalse();
    assertThat(happened.hasData()).isTrue();
    Summary s = Summary.summarize(java.util.List.of(pending, happened));
    assertThat(s.withData()).isEqualTo(1);
    assertThat(s.met()).isEqualTo(1);
  }
}
