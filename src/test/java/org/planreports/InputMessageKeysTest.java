package org.planreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.core.Messages;
import org.planreports.core.Severity;
import org.planreports.ingest.Columns;
import org.planreports.plan.Attribute;
import org.planreports.plan.Comparator;
import org.planreports.plan.ReportedStatus;
import org.planreports.plan.Stage;

/**
 * Every message the input side (core, plan, ingest, validation, indicator) names in its Java code
 * is in its bundle: keys {@code input.*} in {@code messages/input.properties}, {@code plan.*} in
 * {@code messages/plan-check.properties}; and the words of every enum constant and column are
 * there, so no run stops on a missing message.
 */
class InputMessageKeysTest {

  private static final List<String> PACKAGES =
      List.of("core", "plan", "ingest", "validation", "indicator");

  /** A call on a bundle of messages: {@code WORDS.format(}, {@code words.get(} and the like. */
  private static final Pattern CALL =
      Pattern.compile(
          "(?:\\bWORDS|\\bwords|Messages\\.bundle\\(\"[a-z-]+\"\\))\\s*\\.(?:format|get)\\(\\s*");

  private static final Pattern LITERAL = Pattern.compile("\"((?:input|plan)\\.[A-Za-z0-9_.-]+)\"");

  static Stream<Arguments> keys() throws IOException {
    List<Arguments> found = new ArrayList<>();
    for (String pkg : PACKAGES) {
      Path dir = Path.of("src/main/java/org/planreports", pkg);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          for (String key : keysIn(Files.readString(file, StandardCharsets.UTF_8))) {
            found.add(Arguments.of(file.getFileName().toString(), key));
          }
        }
      }
    }
    return found.stream();
  }

  /**
   * The whole keys written as the first argument of each call (keys built from a prefix, as for an
   * enum's words, are left to {@link #wordsOfEveryConstant}).
   */
  static List<String> keysIn(String source) {
    List<String> keys = new ArrayList<>();
    Matcher call = CALL.matcher(source);
    while (call.find()) {
      String first = firstArgument(source, call.end());
      if (first.contains("+")) {
        continue;
      }
      Matcher literal = LITERAL.matcher(first);
      while (literal.find()) {
        keys.add(literal.group(1));
      }
    }
    return keys;
  }

  private static String firstArgument(String source, int from) {
    int depth = 0;
    boolean quoted = false;
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if ((c == ',' || c == ')') && depth == 0) {
        return source.substring(from, i);
      } else if (c == ')') {
        depth--;
      }
    }
    return source.substring(from);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("keys")
  void everyKeyIsInItsBundle(String file, String key) {
    String bundle = key.startsWith("input.") ? "input" : "plan-check";
    assertThat(Messages.bundle(bundle).has(key)).as(key + " in messages/" + bundle).isTrue();
  }

  static Stream<Arguments> sources() {
    return Stream.of(
        Arguments.of("WORDS.format(\"input.a\")", List.of("input.a")),
        Arguments.of("WORDS.get(\n    \"input.b\", \"x\", \"input.c\")", List.of("input.b")),
        Arguments.of(
            "words.get(open ? \"plan.x\" : \"plan.y\", \"n\", 1)", List.of("plan.x", "plan.y")),
        Arguments.of("Messages.bundle(\"input\").format(\"input.d\", f(1, 2))", List.of("input.d")),
        Arguments.of("WORDS.format(\"plan.stage.\" + name())", List.of()),
        Arguments.of("WORDS.format(key)", List.of()),
        Arguments.of("p.getProperty(\"plan.id\")", List.of()));
  }

  @ParameterizedTest
  @MethodSource("sources")
  void findsTheKeysOfCalls(String source, List<String> expected) {
    assertThat(keysIn(source)).isEqualTo(expected);
  }

  @Test
  void theScanFindsTheCalls() throws IOException {
    // A scan that finds nothing would make everyKeyIsInItsBundle pass on nothing.
    assertThat(keys().count()).isGreaterThan(150);
  }

  static Stream<Arguments> constants() {
    List<Arguments> all = new ArrayList<>();
    for (Stage s : Stage.values()) {
      all.add(Arguments.of(s, (Supplier<String>) s::label));
    }
    for (Attribute a : Attribute.values()) {
      all.add(Arguments.of(a, (Supplier<String>) a::label));
    }
    for (ReportedStatus r : ReportedStatus.values()) {
      all.add(Arguments.of(r, (Supplier<String>) r::label));
    }
    for (Severity s : Severity.values()) {
      all.add(Arguments.of(s, (Supplier<String>) s::label));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constants")
  void wordsOfEveryConstant(Enum<?> constant, Supplier<String> label) {
    assertThat(label.get()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("comparators")
  void everyComparatorHasItsFullWidthForm(Comparator comparator) {
    String fullWidth =
        Messages.bundle("plan-check")
            .format(
                "plan.comparator.fullwidth."
                    + comparator.name().toLowerCase(java.util.Locale.ROOT));
    assertThat(Comparator.parse(fullWidth)).isEqualTo(comparator);
  }

  static Stream<Comparator> comparators() {
    return Stream.of(Comparator.values());
  }

  @ParameterizedTest
  @MethodSource("columns")
  void everyColumnHasItsChineseHeader(String column) {
    assertThat(Columns.CHINESE.get(column)).isNotBlank();
    assertThat(Columns.canonical(Columns.CHINESE.get(column))).isEqualTo(column);
  }

  static Stream<String> columns() {
    return Columns.ALL.stream();
  }
}
