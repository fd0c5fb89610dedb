package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.series;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class RelativeAssessmentTest {

  // R&D intensity minus the city average, in percentage points: −0.37 in 2020, target ≥ 0.
  private static final Target GAP = Fixtures.target(Kind.RELATIVE, "≥", "0", 2, "-0.37");

  @ParameterizedTest(name = "gap {0} in 2023 → {4}")
  @CsvSource({
    "-0.20, 45.9, 60.0, 0.77, BEHIND_SCHEDULE",
    "-0.15, 59.5, 60.0, 0.99, NEARLY_ON_SCHEDULE",
    "-0.05, 86.5, 60.0, 1.44, ON_SCHEDULE",
    "0.00, 100.0, 60.0, 1.67, COMPLETED",
    "0.004, 100.0, 60.0, 1.67, COMPLETED",
    "-0.37, 0.0, 60.0, 0.00, FAR_BEHIND_SCHEDULE",
    "-0.45, -21.6, 60.0, -0.36, REVERSED"
  })
  void shouldAssessTheGapLikeALevel(
      String gap, BigDecimal completion, BigDecimal time, BigDecimal schedule, Status status) {
    Assessment a = Assessor.assess(GAP, series("2023:" + gap), PERIOD, 2023, Stage.MIDTERM);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.completionPct()).isEqualByComparingTo(completion);
    assertThat(a.timeProgressPct()).isEqualByComparingTo(time);
    assertThat(a.scheduleRatio()).isEqualByComparingTo(schedule);
    assertThat(a.baseline()).isEqualByComparingTo("-0.37");
    // A negative gap has no growth rate: neither a projection nor a required growth.
    assertThat(a.projection()).isNull();
    assertThat(a.requiredAnnualGrowthPct()).isNull();
    assertThat(a.warning()).isEqualTo(status.isLagging());
  }
}
