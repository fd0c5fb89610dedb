package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure inside the plan checks that says nothing itself is listed in words, never as "null" or
 * a bare Java class name (issue 19 item 8). The failure is thrown by the glyph check, which every
 * printed text of the bundle passes through.
 */
class PlanLoaderFailureWordsTest {

  private static final ResourceBundle WORDS = ResourceBundle.getBundle("messages.cli");

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "NullPointerException",
            (Supplier<RuntimeException>) NullPointerException::new,
            WORDS.getString("nulls.cause.NullPointerException")),
        Arguments.of(
            "IllegalStateException",
            (Supplier<RuntimeException>) IllegalStateException::new,
            WORDS.getString("nulls.cause.IllegalStateException")),
        Arguments.of(
            "wrapped ArithmeticException",
            (Supplier<RuntimeException>) () -> new RuntimeException(new ArithmeticException()),
            WORDS.getString("nulls.cause.ArithmeticException")),
        // An internal message (often English) is for the log: the listing gives the kind.
        Arguments.of(
            "IllegalStateException with a message",
            (Supplier<RuntimeException>) () -> new IllegalStateException("font file unreadable"),
            WORDS.getString("nulls.cause.IllegalStateException")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void shouldListAFailureThatSaysNothingInWords(
      String name, Supplier<RuntimeException> failure, String said) {
    PlanBundleException e =
        catchThrowableOfType(
            PlanBundleException.class,
            () ->
                PlanLoader.loadDefault(
                    text -> {
                      throw failure.get();
                    }));

    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems())
        .allSatisfy(
            p -> {
              assertThat(p.text()).isEqualTo(said);
              assertThat(p.oneLine()).doesNotContain("null", "Exception");
            });
  }
}
