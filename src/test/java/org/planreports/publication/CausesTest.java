package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.core.Causes;

/** A failure's cause in words, never "null" (issue 19 item 8). */
class CausesTest {

  private static final ResourceBundle WORDS = ResourceBundle.getBundle("messages.cli");

  private static String words(String key) {
    return WORDS.getString("nulls.cause." + key);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        // What it says itself, where it says anything.
        Arguments.of(
            (Supplier<Throwable>) () -> new IOException("Is a directory"),
            "Is a directory",
            "Is a directory"),
        // Nothing said by it: its cause's message.
        Arguments.of(
            (Supplier<Throwable>)
                () -> new RuntimeException((String) null, new IOException("磁盘坏了")),
            "磁盘坏了",
            "磁盘坏了"),
        // Only the outer one says something: of() and deepest() both give it.
        Arguments.of(
            (Supplier<Throwable>) () -> new IllegalStateException("外层", new NullPointerException()),
            "外层",
            "外层"),
        // Both say something: of() the outer, deepest() the root.
        Arguments.of(
            (Supplier<Throwable>) () -> new IllegalStateException("外层", new SQLException("表不存在")),
            "外层",
            "表不存在"),
        // Nothing said anywhere: the kind, from the first class the bundle names.
        Arguments.of(
            (Supplier<Throwable>) NullPointerException::new,
            words("NullPointerException"),
            words("NullPointerException")),
        Arguments.of(
            (Supplier<Throwable>) () -> new UncheckedIOException(null, new EOFException()),
            words("EOFException"),
            words("EOFException")),
        Arguments.of(
            (Supplier<Throwable>) () -> new RuntimeException(new StackOverflowError()),
            // Made from a cause, it takes the cause's class as its message: that says nothing.
            words("StackOverflowError"),
            words("StackOverflowError")),
        Arguments.of(
            (Supplier<Throwable>) () -> new NumberFormatException(),
            words("NumberFormatException"),
            words("NumberFormatException")),
        // A message that is the word "null" says nothing either.
        Arguments.of(
            (Supplier<Throwable>) () -> new SQLException("null"),
            words("SQLException"),
            words("SQLException")),
        // A class the bundle does not name: an internal error naming it.
        Arguments.of(
            (Supplier<Throwable>) () -> new java.util.NoSuchElementException((String) null),
            words("other").replace("{0}", "NoSuchElementException"),
            words("other").replace("{0}", "NoSuchElementException")));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void shouldSayTheCauseInWordsNeverNull(Supplier<Throwable> failure, String of, String deepest) {
    Throwable e = failure.get();
    assertThat(Causes.of(e)).isEqualTo(of).doesNotContain("null");
    assertThat(Causes.deepest(e)).isEqualTo(deepest).doesNotContain("null");
  }
}
