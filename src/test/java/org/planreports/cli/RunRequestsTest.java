package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationType;

/** Which --year and --assessment the bundled plan (2020 base, 2023 mid, 2025 final) refuses. */
class RunRequestsTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  @ParameterizedTest(name = "--year {0} --assessment {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2021,-,-",
        "2025,annual,-",
        "2023,midterm,-",
        "2025,final,-",
        "2020,-,不在规划期内",
        "2026,annual,不在规划期内",
        "2024,midterm,请用 --year 2023",
        "2024,final,请用 --year 2025"
      })
  void shouldRefuseOnlyYearsThePlanHasNoSuchPublicationFor(
      int year, String assessment, String refusal) {
    var said =
        RunRequests.outsidePlan(
            PLAN, year, assessment == null ? null : PublicationType.fromId(assessment));

    if (refusal == null) {
      assertThat(said).isEmpty();
    } else {
      assertThat(said).get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains(refusal);
    }
  }
}
