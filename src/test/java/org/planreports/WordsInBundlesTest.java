package org.planreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every word a person reads comes from a message bundle ({@code src/main/resources/messages/}): no
 * string, text block or character literal in {@code src/main/java} holds a Chinese character or
 * full-width punctuation, also when written as a {@code \}{@code u} escape. Comments may.
 */
class WordsInBundlesTest {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void noChineseLiteralsInJava() throws IOException {
    Set<String> allowed = allowed();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = SOURCES.relativize(file).toString().replace('\\', '/');
        if (allowed.contains(name)) {
          continue;
        }
        for (String hit : chineseLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
          found.add(name + ":" + hit);
        }
      }
    }
    assertThat(found).as("Chinese literals in Java: move them to a message bundle").isEmpty();
  }

  /** Files still being moved to the bundles (empty when the work is done). */
  private static Set<String> allowed() throws IOException {
    Path list = Path.of("src/test/resources/chinese-literals-allowed.txt");
    if (!Files.exists(list)) {
      return Set.of();
    }
    return Files.readAllLines(list).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .collect(Collectors.toSet());
  }

  static Stream<Arguments> sources() {
    return Stream.of(
        Arguments.of("String s = \"年度\";", 1),
        Arguments.of("char c = '，';", 1),
        Arguments.of("String s = \"\\u5e74\";", 1),
        Arguments.of("char c = '\\uFF10';", 1),
        Arguments.of("// 年度 in a comment\nString s = \"year\";", 0),
        Arguments.of("/* \"年度\" */ String s = \"a\";", 0),
        Arguments.of("String s = \"a\\\"年\";", 1),
        Arguments.of("String s = \"\"\"\n  全文\n  \"\"\";", 1),
        Arguments.of("String s = \"plain\"; // 说明", 0),
        Arguments.of("String s = \"a\" + \"b\"; /* 甲\n乙 */ char c = 'x';", 0));
  }

  @ParameterizedTest
  @MethodSource("sources")
  void findsLiteralsNotComments(String source, int expected) {
    assertThat(chineseLiterals(source)).hasSize(expected);
  }

  /** "line: literal" for each literal of {@code source} that holds Chinese text. */
  static List<String> chineseLiterals(String source) {
    List<String> hits = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        check(source.substring(i, end), line, hits);
        line += count(source, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        int end = Math.min(j + 1, n);
        check(source.substring(i, end), line, hits);
        i = end;
      } else {
        i++;
      }
    }
    return hits;
  }

  private static int count(String s, int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        k++;
      }
    }
    return k;
  }

  private static void check(String literal, int line, List<String> hits) {
    String text = unescape(literal);
    if (text.codePoints().anyMatch(WordsInBundlesTest::chinese)) {
      hits.add(line + ": " + literal);
    }
  }

  private static String unescape(String literal) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      if (literal.startsWith("\\u", i)) {
        int j = i + 1;
        while (j < literal.length() && literal.charAt(j) == 'u') {
          j++;
        }
        if (j + 4 <= literal.length()) {
          try {
            sb.append((char) Integer.parseInt(literal.substring(j, j + 4), 16));
            i = j + 3;
            continue;
          } catch (NumberFormatException e) {
            // not an escape: kept as written
          }
        }
      }
      sb.append(literal.charAt(i));
    }
    return sb.toString();
  }

  private static boolean chinese(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x3134F)
        || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFFEF)
        || (cp >= 0xF900 && cp <= 0xFAFF);
  }
}
