package org.planreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sentences of {@code messages/operator.properties} and the code that fills them in agree: for
 * every key, each {@code get("key", "name", value, …)} in {@code src/main/java} names exactly the
 * key's {@code {name}} placeholders (a missing one would throw, an extra one would be lost), every
 * key is used, and every key the code names is there.
 */
class OperatorWordsTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /** A call {@code .get("key", …)}: the key literal and the argument texts after it. */
  record Call(String file, String key, List<String> args) {}

  private static Properties bundle;
  private static List<Call> calls;
  private static Set<String> literals;

  @BeforeAll
  static void read() throws IOException {
    bundle = bundle();
    calls = new ArrayList<>();
    literals = new TreeSet<>();
    for (Path file : users()) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"((?:cli|job)\\.[A-Za-z.]+)\"").matcher(source);
      while (m.find()) {
        literals.add(m.group(1));
      }
      Matcher get = Pattern.compile("\\.get\\(\\s*\"(?:cli|job)\\.").matcher(source);
      while (get.find()) {
        List<String> args = arguments(source, source.indexOf('(', get.start()));
        String key = args.get(0).substring(1, args.get(0).length() - 1);
        calls.add(new Call(file.toString(), key, args.subList(1, args.size())));
      }
    }
  }

  /** The sources that read the bundle. */
  private static List<Path> users() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> users = new ArrayList<>();
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (Files.readString(f, StandardCharsets.UTF_8).contains("Messages.bundle(\"operator\")")) {
          users.add(f);
        }
      }
      return users;
    }
  }

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (Reader in =
        new InputStreamReader(
            OperatorWordsTest.class.getResourceAsStream("/messages/operator.properties"),
            StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  static Stream<Arguments> keys() throws IOException {
    return new TreeSet<>(bundle().stringPropertyNames()).stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void everyCallFillsInTheKeysPlaceholders(String key) {
    Set<String> placeholders = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(bundle.getProperty(key));
    while (m.find()) {
      placeholders.add(m.group(1));
    }
    assertThat(literals).as("%s is named in the code", key).contains(key);
    List<Call> mine = calls.stream().filter(c -> c.key().equals(key)).toList();
    if (!placeholders.isEmpty()) {
      assertThat(mine).as("%s is filled in by a get(\"%s\", …)", key, key).isNotEmpty();
    }
    for (Call c : mine) {
      assertThat(names(c)).as("%s in %s", key, c.file()).isEqualTo(placeholders);
    }
  }

  @Test
  void everyKeyTheCodeNamesIsThere() {
    assertThat(literals).isNotEmpty().allMatch(bundle::containsKey);
    assertThat(calls).isNotEmpty().allMatch(c -> bundle.containsKey(c.key()));
  }

  /** The names of a call's name/value pairs: string literals at the even places. */
  private static Set<String> names(Call c) {
    assertThat(c.args().size() % 2).as("name/value pairs in %s", c).isZero();
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < c.args().size(); i += 2) {
      String name = c.args().get(i);
      assertThat(name).as("a name literal in %s", c).matches("\"[a-z_]+\"");
      names.add(name.substring(1, name.length() - 1));
    }
    return names;
  }

  @Test
  void readsACallAcrossLinesAndNestedArguments() {
    String source = "x.get(\n \"k\", \"a\", f(1, \"),\"), \"b\", m.get(\"c\", 'x'))";
    assertThat(arguments(source, source.indexOf('(')))
        .containsExactly("\"k\"", "\"a\"", "f(1, \"),\")", "\"b\"", "m.get(\"c\", 'x')");
  }

  /** The top-level arguments of the call whose opening parenthesis is at {@code open}. */
  static List<String> arguments(String source, int open) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = open + 1; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        i++;
        while (source.charAt(i) != c) {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(source.substring(start, i).strip());
        start = i + 1;
      } else if (c == ')') {
        args.add(source.substring(start, i).strip());
        return args;
      }
    }
    throw new IllegalArgumentException("unclosed call at " + open);
  }
}
