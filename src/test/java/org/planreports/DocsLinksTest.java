package org.planreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing the README or the pages under {@code docs/} cite is missing from the repository: every
 * relative link (and its {@code #anchor}, against the target page's headings) and every path in
 * backticks that names a file of the repository ({@code src/…}, {@code reports/…}, {@code docs/…},
 * …). Also: the README stays a guide of at most 15 KiB, and every page under {@code docs/} is
 * linked from the README or from another page.
 */
class DocsLinksTest {

  private static final Path README = Path.of("README.md");
  private static final Path DOCS = Path.of("docs");
  private static final int README_MAX_BYTES = 15 * 1024;

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```[ \\t]*$");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");

  /**
   * A path in backticks is checked when it starts with a folder or file the repository keeps and
   * holds no placeholder ({@code {region}}, {@code <state>}, {@code …}, {@code *}) or space.
   */
  private static final Pattern REPO_PATH =
      Pattern.compile(
          "(?:(?:src|reports|input|docs|\\.ci|\\.mvn)/[^\\s{}<>*…|]*|README\\.md|pom\\.xml|mvnw)");

  /** One thing a page cites: a link or a path in backticks. */
  record Citation(Path page, String target, boolean link) {

    /** The cited file or folder, resolved in the repository. */
    Path file() {
      String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
      if (path.isEmpty()) {
        return page.toAbsolutePath().normalize();
      }
      Path base = link ? page.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
      return base.resolve(path).normalize();
    }

    String anchor() {
      return target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
    }

    @Override
    public String toString() {
      return page + " → " + target;
    }
  }

  static List<Path> pages() {
    List<Path> pages = new ArrayList<>();
    pages.add(README);
    try (Stream<Path> files = Files.list(DOCS)) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  static List<Citation> citations() {
    List<Citation> all = new ArrayList<>();
    for (Path page : pages()) {
      all.addAll(citations(page, read(page)));
    }
    return all;
  }

  /** The links and repository paths of one page's markdown. */
  static List<Citation> citations(Path page, String markdown) {
    String text = COMMENT.matcher(markdown).replaceAll("");
    Set<Citation> found = new LinkedHashSet<>();
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      String target = link.group(1);
      if (!target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
        found.add(new Citation(page, target, true));
      }
    }
    Matcher code = CODE.matcher(FENCE.matcher(text).replaceAll(""));
    while (code.find()) {
      String span = code.group(1).strip();
      if (REPO_PATH.matcher(span).matches()) {
        found.add(new Citation(page, span, false));
      }
    }
    return List.copyOf(found);
  }

  static Stream<Arguments> cited() {
    return citations().stream().map(c -> Arguments.of(c.page().toString(), c.target(), c));
  }

  @ParameterizedTest(name = "{0} cites {1}")
  @MethodSource("cited")
  void citedFileExists(String page, String target, Citation citation) {
    Path file = citation.file();
    assertThat(file)
        .as("%s cites %s", page, target)
        .startsWithRaw(Path.of("").toAbsolutePath())
        .exists();
    if (!citation.anchor().isEmpty()) {
      assertThat(file.toString())
          .as("%s: an anchor needs a markdown page", citation)
          .endsWith(".md");
      assertThat(anchors(read(file)))
          .as("%s: the headings of %s", citation, file.getFileName())
          .contains(citation.anchor());
    }
  }

  @Test
  void readmeIsAShortGuide() throws IOException {
    assertThat(Files.size(README)).isLessThanOrEqualTo(README_MAX_BYTES);
  }

  @Test
  void everyDocsPageIsLinked() {
    Set<Path> linked =
        citations().stream()
            .filter(Citation::link)
            .filter(c -> !c.file().equals(c.page().toAbsolutePath().normalize()))
            .map(Citation::file)
            .collect(Collectors.toSet());
    for (Path page : pages().subList(1, pages().size())) {
      assertThat(linked).as("a link to %s", page).contains(page.toAbsolutePath().normalize());
    }
  }

  @Test
  void readmeLinksTheReferencePages() {
    Set<String> targets =
        citations(README, read(README)).stream()
            .filter(Citation::link)
            .map(Citation::target)
            .collect(Collectors.toSet());
    assertThat(targets)
        .contains(
            "docs/operations.md",
            "docs/input.md",
            "docs/plan-bundles.md",
            "docs/city-and-workers.md",
            "docs/architecture.md",
            "docs/performance.md",
            "docs/testing.md");
  }

  static Stream<Arguments> markdown() {
    return Stream.of(
        Arguments.of("[a](other.md)", List.of("other.md")),
        Arguments.of("[a](other.md#a-heading) [b](#here)", List.of("other.md#a-heading", "#here")),
        Arguments.of("[a](https://example.org/x) [m](mailto:x@example.org)", List.of()),
        Arguments.of(
            "see `src/main/java/org/planreports/` and `reports/plan/items.csv`",
            List.of("src/main/java/org/planreports/", "reports/plan/items.csv")),
        Arguments.of("`output/500119/` `target/plan-reports.jar` `plan.properties`", List.of()),
        Arguments.of(
            "`src/bench/compare.sh -n 7` `docs/{x}.md` `input/*.csv` `reports/…`", List.of()),
        Arguments.of(
            "```sh\nsrc/bench/x.sh `src/nowhere`\n```\nafter `pom.xml`", List.of("pom.xml")),
        Arguments.of("<!-- `src/gone.java` [x](gone.md) -->", List.of()),
        Arguments.of("[a](x.md) and [b](x.md)", List.of("x.md")));
  }

  @ParameterizedTest
  @MethodSource("markdown")
  void findsLinksAndRepositoryPaths(String text, List<String> expected) {
    assertThat(citations(Path.of("docs/x.md"), text))
        .extracting(Citation::target)
        .containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> headings() {
    return Stream.of(
        Arguments.of("## Corrections: rerun", "corrections-rerun"),
        Arguments.of("## What a city's run costs", "what-a-citys-run-costs"),
        Arguments.of(
            "### A shared state database (PostgreSQL)", "a-shared-state-database-postgresql"),
        Arguments.of("## Exit codes", "exit-codes"),
        Arguments.of(
            "## Checking what was published: verify", "checking-what-was-published-verify"),
        Arguments.of("## The `run` command", "the-run-command"),
        Arguments.of("## 方案包 check-plan", "方案包-check-plan"),
        Arguments.of("## Start-up: the launcher", "start-up-the-launcher"));
  }

  @ParameterizedTest
  @MethodSource("headings")
  void anchorsAreGitHubs(String heading, String anchor) {
    assertThat(anchors(heading)).containsExactly(anchor);
  }

  @Test
  void aMissingFileIsFound() {
    Citation gone = new Citation(README, "docs/no-such-page.md", true);
    assertThat(gone.file()).doesNotExist();
    Citation here = new Citation(Path.of("docs/operations.md"), "../README.md#exit-codes", true);
    assertThat(here.file()).isEqualTo(README.toAbsolutePath().normalize());
    assertThat(here.anchor()).isEqualTo("exit-codes");
  }

  /** The anchors GitHub gives a page's headings (outside code blocks). */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
    while (heading.find()) {
      anchors.add(
          heading
              .group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
