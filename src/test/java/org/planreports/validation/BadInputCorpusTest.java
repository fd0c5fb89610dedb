package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.core.Finding;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;

/**
 * Every fixture of the bad-input corpus gives the error fixtures/bad/EXPECTED.csv names: code,
 * file, line, column, the offending text and a message that says what is wrong.
 */
class BadInputCorpusTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  static Stream<Corpus.Expected> corpus() {
    return Corpus.expected();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldReportTheExpectedErrorWithFileLineColumnAndText(Corpus.Expected e) {
    Corpus.Checked checked = Corpus.check(PLAN, Corpus.BAD.resolve(e.file()), null);

    assertThat(checked.errors())
        .as("errors of %s", e.file())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo(e.code());
              assertThat(f.file()).isEqualTo(e.file());
              assertThat(f.line()).isEqualTo(e.line());
              assertThat(f.column()).isEqualTo(e.column());
              assertThat(f.text()).isEqualTo(e.text());
              assertThat(f.message()).contains(e.message());
              assertThat(f.expected()).isNotBlank();
              assertThat(f.oneLine())
                  .startsWith("错误 " + e.file() + (e.line() > 0 ? ":" + e.line() : ""));
            });
  }

  @Test
  void shouldHaveOneFixturePerExpectation() {
    List<String> files =
        Stream.of(Corpus.BAD.toFile().list())
            .filter(n -> n.endsWith(".csv") && !n.equals("EXPECTED.csv"))
            .sorted()
            .toList();
    assertThat(Corpus.expected().map(Corpus.Expected::file).sorted().toList())
        .containsExactlyElementsOf(files);
  }

  @Test
  void shouldReportEveryProblemOfAFileAtOnce() {
    Corpus.Checked checked = Corpus.check(PLAN, Corpus.FIXTURES.resolve("many-errors.csv"), null);

    assertThat(checked.errors())
        .extracting(Finding::code, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("E_NUMBER", 2L),
            org.assertj.core.groups.Tuple.tuple("E_UNIT", 3L),
            org.assertj.core.groups.Tuple.tuple("E_YEAR", 5L),
            org.assertj.core.groups.Tuple.tuple("E_ITEM", 5L),
            org.assertj.core.groups.Tuple.tuple("E_RAGGED", 7L),
            org.assertj.core.groups.Tuple.tuple("E_CONFLICT", 8L));
    assertThat(checked.findings())
        .extracting(Finding::code)
        .contains("W_EXTRA_COLUMN", "W_NUMBER_NORMALISED");
  }
}
