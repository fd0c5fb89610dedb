package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.PublicationType;

/** The years a 2020–2025 plan (mid year 2023) publishes for. */
class PublicationYearsTest {

  private static final PublicationYears PLAN = new PublicationYears(2020, 2023, 2025);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"2019,false", "2020,false", "2021,true", "2023,true", "2025,true", "2026,false"})
  void shouldPublishOnlyForTheYearsAfterTheBaseYearUpToTheFinalYear(int year, boolean has) {
    assertThat(PLAN.contains(year)).isEqualTo(has);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"annual,0", "midterm,2023", "final,2025", "zone,0"})
  void shouldTieEachEvaluationToOneYear(String type, int year) {
    OptionalInt only = PLAN.onlyYear(PublicationType.fromId(type));
    assertThat(only).isEqualTo(year == 0 ? OptionalInt.empty() : OptionalInt.of(year));
  }

  @ParameterizedTest(name = "base {0}, mid {1}, final {2}")
  @CsvSource({"2020,2020,2025", "2020,2025,2025", "2025,2023,2020"})
  void shouldRefuseYearsOutOfOrder(int base, int mid, int last) {
    assertThatThrownBy(() -> new PublicationYears(base, mid, last))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void shouldStartTheFirstPublicationTheYearAfterTheBase() {
    assertThat(PLAN.first()).isEqualTo(2021);
  }
}
