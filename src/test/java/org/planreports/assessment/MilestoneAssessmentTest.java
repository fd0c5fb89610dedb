package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planreports.assessment.Fixtures.PERIOD;
import static org.planreports.assessment.Fixtures.series;
import static org.planreports.assessment.NoteCode.PRELIMINARY;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Attribute;
import org.planreports.plan.Kind;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

class MilestoneAssessmentTest {

  private static Target milestone(int due, Attribute attribute) {
    return Fixtures.target(Kind.MILESTONE, "≥", String.valueOf(due), due, attribute, 0, null);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                             | due  | series               | year | stage   | status              | met   | warn  | note
          not yet, before the due year       | 2023 | ''                   | 2022 | ANNUAL  | ON_SCHEDULE         | false | false | ''
          happened before the due year       | 2023 | 2022:2022            | 2022 | ANNUAL  | COMPLETED           | true  | false | ''
          happened in the due year           | 2023 | 2023:2023            | 2023 | MIDTERM | COMPLETED           | true  | false | ''
          not yet in the due year            | 2023 | ''                   | 2023 | MIDTERM | FAR_BEHIND_SCHEDULE | false | true  | ''
          not yet after the due year         | 2023 | ''                   | 2024 | ANNUAL  | FAR_BEHIND_SCHEDULE | false | true  | ''
          happened after the due year        | 2023 | 2024:2024            | 2024 | ANNUAL  | COMPLETED           | true  | false | MILESTONE_LATE 2024 2023
          later rows repeat the event year   | 2023 | 2022:2022 2023:2022  | 2024 | ANNUAL  | COMPLETED           | true  | false | ''
          a report of a future year ignored  | 2023 | 2022:2024            | 2022 | ANNUAL  | ON_SCHEDULE         | false | false | ''
          final, on time                     | 2023 | 2022:2022            | 2025 | FINAL   | ACHIEVED            | true  | false | ''
          final, never                       | 2023 | ''                   | 2025 | FINAL   | NOT_ACHIEVED        | false | false | ''
          final, late, expected              | 2023 | 2024:2024            | 2025 | FINAL   | NEARLY_ACHIEVED     | false | false | MILESTONE_LATE 2024 2023
          final, not yet due (2026)          | 2026 | ''                   | 2025 | FINAL   | ON_SCHEDULE         | false | false | NOT_YET_DUE 2026
          """)
  void shouldAssessMilestonesAgainstTheirDueYear(
      String name,
      int due,
      String series,
      int year,
      Stage stage,
      Status status,
      boolean met,
      boolean warning,
      String note) {
    Assessment a =
        Assessor.assess(milestone(due, Attribute.EXPECTED), series(series), PERIOD, year, stage);

    assertThat(a.status()).as(name).isEqualTo(status);
    assertThat(a.met()).as(name).isEqualTo(met);
    assertThat(a.warning()).as(name).isEqualTo(warning);
    assertThat(a.targetYear()).isEqualTo(due);
    assertThat(a.completionPct()).isNull();
    assertThat(a.timeProgressPct()).isNull();
    assertThat(a.projection()).isNull();
    if (note.isEmpty()) {
      assertThat(a.notes()).as(name).isEmpty();
    } else {
      assertThat(a.notes()).as(name).containsExactly(Notes.parse(note));
    }
  }

  @ParameterizedTest(name = "{0} late → {1}")
  @CsvSource({"EXPECTED, NEARLY_ACHIEVED", "BINDING, NOT_ACHIEVED"})
  void shouldGrantNearlyAchievedForALateMilestoneOnlyWhenExpected(
      Attribute attribute, Status status) {
    Assessment a =
        Assessor.assess(milestone(2023, attribute), series("2025:2025"), PERIOD, 2025, Stage.FINAL);

    assertThat(a.status()).isEqualTo(status);
    assertThat(a.value()).isEqualByComparingTo("2025");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2023:2023p, true", "2023:2023, false"})
  void shouldFootnoteAPreliminaryEventYear(String series, boolean preliminary) {
    Assessment a =
        Assessor.assess(
            milestone(2023, Attribute.EXPECTED), series(series), PERIOD, 2023, Stage.MIDTERM);

    assertThat(a.preliminary()).isEqualTo(preliminary);
    assertThat(a.notes().contains(Note.of(PRELIMINARY, 2023))).isEqualTo(preliminary);
  }
}
