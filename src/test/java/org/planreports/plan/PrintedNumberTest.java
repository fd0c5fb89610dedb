package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A baseline as plans print it: the plan's number, or why it is not one. */
class PrintedNumberTest {

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          5075家        | 家      | 5075
          5075         | 家      | 5075
          2.1%         | %       | 2.1
          2.1％        | %       | 2.1
          约3.5亿元     | 亿元    | 3.5
          近30家        | 家      | 30
          30家左右      | 家      | 30
          6512万元      | 亿元    | 0.6512
          -0.37        | 百分点   | -0.37
          −0.37个百分点 | 百分点   | -0.37
          1.74         | %       | 1.74
          13.67%       | %       | 13.67
          """)
  void shouldReadThePlansNumber(String printed, String unit, String value) {
    PrintedNumber.Reading read = PrintedNumber.read(printed, unit);
    assertThat(read.problem()).isNull();
    assertThat(read.value()).isEqualByComparingTo(value);
  }

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          5075个        | 家      | WRONG_UNIT
          2.1%         | 亿元    | WRONG_UNIT
          3.5亿元       | —       | WRONG_UNIT
          5000家以上    | 家      | NOT_A_NUMBER
          超过30家      | 家      | NOT_A_NUMBER
          5000余家      | 家      | NOT_A_NUMBER
          2.5~2.8      | %       | NOT_A_NUMBER
          三十家        | 家      | NOT_A_NUMBER
          1E+999999999 | 家      | NOT_A_NUMBER
          1.2.3        | 家      | NOT_A_NUMBER
          12345678901234567890 | 家 | NOT_A_NUMBER
          0.1234567    | %       | NOT_A_NUMBER
          """)
  void shouldSayWhyACellIsNotTheIndicatorsNumber(
      String printed, String unit, PrintedNumber.Problem problem) {
    assertThat(PrintedNumber.read(printed, unit).problem()).isEqualTo(problem);
  }

  @ParameterizedTest
  @CsvSource({"'—'", "'-'", "''", "'  '", "'…'"})
  void shouldReadADashAsNoBaseline(String printed) {
    assertThat(PrintedNumber.read(printed, "家")).isNull();
  }
}
