package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A city-wide run's exit code is the most serious of its districts' own. */
class DistrictsTest {

  @ParameterizedTest(name = "{0} and {1} → {2}")
  @CsvSource({
    "0, 0, 0",
    "0, 5, 5",
    "5, 0, 5",
    "5, 3, 3",
    "3, 5, 3",
    "3, 1, 1",
    "1, 3, 1",
    "1, 5, 1",
    "0, 1, 1",
    "0, 3, 3",
    "3, 3, 3",
    "4, 0, 4",
    "1, 4, 1",
    // input: a district with nothing to publish is less serious than any other trouble
    "0, 7, 7",
    "7, 0, 7",
    "7, 5, 5",
    "3, 7, 3",
    "7, 1, 1",
    "4, 7, 4",
  })
  void shouldReportTheMostSeriousOutcome(int a, int b, int worst) {
    assertThat(Districts.worse(a, b)).isEqualTo(worst);
  }
}
