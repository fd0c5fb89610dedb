package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A note is a code and its arguments; its words come from messages/assessment.properties when a
 * publication prints it, and it is stored as the code's name and the arguments as one text.
 */
class NoteTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          BASELINE_REVISED 2020 6.3 | 2020年数据已修订为6.3，仍以规划公布值为基期。
          BASELINE_YEAR 2021        | 以2021年为基期。
          NO_BASELINE               | 无基期数据，仅按目标值判断。
          YEARS_MISSING 2022        | 2022年无数据，未计入累计值。
          YEARS_MISSING 2021 2022   | 2021年、2022年无数据，未计入累计值。
          ABOVE_RANGE               | 超出目标区间上限。
          BELOW_RANGE               | 低于目标区间下限。
          BASELINE_IN_RANGE         | 基期值已在目标区间内，不计算完成进度。
          BASELINE_MET              | 基期值已达到目标值，不计算完成进度。
          CURRENT_PRICES            | 按现价计算。
          MILESTONE_LATE 2024 2023  | 2024年实现，晚于目标年份2023年。
          AS_REPORTED               | 定性目标，按填报单位报告的进展情况列示。
          NOT_YET_DUE 2026          | 目标年份为2026年，评估时尚未到期，按时序进度评价。
          DATA_AS_OF 2022           | 数据截至2022年。
          PRELIMINARY 2023          | 2023年数据为初步数。
          PRELIMINARY 2021 2022     | 2021年、2022年数据为初步数。
          """)
  void shouldPrintEachCodeInTheWordsOfThePublications(String note, String words) {
    assertThat(Notes.parse(note).words()).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(NoteCode.class)
  void shouldHaveASentenceForEveryCode(NoteCode code) {
    Object[] args = new Object[Math.max(code.arity(), 1)];
    Arrays.fill(args, 2023);

    String words = Note.of(code, code.arity() == 0 ? new Object[0] : args).words();

    assertThat(words).endsWith("。").doesNotContain("{").contains(code.arity() == 0 ? "" : "2023");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          BASELINE_REVISED | 2020 6.3
          BASELINE_YEAR    | 2021
          NO_BASELINE      | ''
          PRELIMINARY      | 2021 2022 2023
          """)
  void shouldBeStoredAsItsCodeAndArgumentsAndReadBackTheSame(NoteCode code, String args) {
    Note note = Note.of(code, (Object[]) (args.isEmpty() ? new String[0] : args.split(" ")));

    Note stored = Note.stored(note.code().name(), note.storedArgs());

    assertThat(stored).isEqualTo(note);
    assertThat(note.storedArgs()).isEqualTo(args.replace(' ', ','));
  }

  @ParameterizedTest(name = "{0} with {1} arguments")
  @CsvSource({"NO_BASELINE, 1", "BASELINE_YEAR, 0", "BASELINE_YEAR, 2", "MILESTONE_LATE, 1"})
  void shouldRefuseTheWrongNumberOfArguments(NoteCode code, int count) {
    Object[] args = new Object[count];
    Arrays.fill(args, 2023);
    assertThatThrownBy(() -> Note.of(code, args)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = NoteCode.class,
      names = {"YEARS_MISSING", "PRELIMINARY"})
  void shouldRefuseAListOfYearsWithoutAYear(NoteCode code) {
    assertThatThrownBy(() -> new Note(code, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"''", "' '", "'1,5'"})
  void shouldRefuseAnArgumentThatCannotBeStored(String arg) {
    assertThatThrownBy(() -> Note.of(NoteCode.BASELINE_YEAR, arg))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
