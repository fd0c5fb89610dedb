package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;

/**
 * Every page of every publication type of 南川 (the bundled extracts and the complete-period fixture)
 * and of every plan bundle under src/test/resources/fixtures/plans/ (found by folder, so a plan
 * added there is scanned too) carries something of its own: no page with only the running header
 * and folio, and no page holding only the notes or the 资料来源 line of the block before it.
 */
@Tag("pdf")
class PageScanTest {

  private static final Path PLANS = Path.of("src/test/resources/fixtures/plans");

  static Stream<Arguments> publications() throws IOException {
    List<Arguments> out = new ArrayList<>();
    Set<String> types = new HashSet<>();
    for (Path input : List.of(PublicationFixtures.BUNDLED, PublicationFixtures.FINAL)) {
      PublicationFixtures f = PublicationFixtures.read(input);
      for (PublicationKey key : PublicationPlanner.supported(f.plan, f.data)) {
        // One publication of each type of 南川: the types share their layout across years.
        if (types.add(key.type().id())) {
          out.add(Arguments.of("南川 " + key.stem(), f, key));
        }
      }
    }
    List<Path> bundles;
    try (Stream<Path> s = Files.list(PLANS)) {
      bundles =
          s.filter(p -> Files.isRegularFile(p.resolve("plan.properties")))
              .filter(p -> Files.isDirectory(p.resolve("extracts")))
              .sorted()
              .toList();
    }
    assertThat(bundles).isNotEmpty();
    for (Path dir : bundles) {
      PublicationFixtures f =
          PublicationFixtures.read(
              dir.resolve("extracts"), PlanLoader.load(dir.resolve("plan.properties")));
      for (PublicationKey key : PublicationPlanner.supported(f.plan, f.data)) {
        out.add(Arguments.of(dir.getFileName() + " " + key.stem(), f, key));
      }
    }
    return out.stream();
  }

  private static PublicationRenderer renderer;

  /** One renderer for the tests that render every publication of every plan. */
  static synchronized PublicationRenderer renderer() {
    if (renderer == null) {
      renderer = new PublicationRenderer();
    }
    return renderer;
  }

  private static final Map<String, byte[]> pdfs = new ConcurrentHashMap<>();

  /**
   * The PDF of {@code content}, publication {@code name} of {@link #publications()}: rendered once
   * for all the tests that read it (rendering the same content gives the same bytes).
   */
  static byte[] pdf(String name, PublicationContent content) {
    return pdfs.computeIfAbsent(name, n -> renderer().render(content));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publications")
  void shouldHaveNoBlankPageAndNoOrphanedNotes(
      String name, PublicationFixtures f, PublicationKey key) throws Exception {
    PublicationContent content = f.builder.compose(key);
    byte[] pdf = pdf(name, content);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).as(name).isPositive();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        List<String> body = body(stripper.getText(doc), content.title());
        assertThat(body)
            .as("%s page %d of %d has nothing but header and folio", name, p, pages)
            .isNotEmpty();
        assertThat(body.stream().allMatch(PageScanTest::noteLine))
            .as(
                "%s page %d of %d holds only the notes of the block before it: %s",
                name, p, pages, body)
            .isFalse();
        if (p > 1) {
          // A page that opens with the continued notes and has nothing after them is an orphan too.
          assertThat(orphanedContinuation(body))
              .as(
                  "%s page %d of %d holds only notes continued from the page before: %s",
                  name, p, pages, body)
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publications")
  void shouldKeepEveryHeadingWithWhatFollows(String name, PublicationFixtures f, PublicationKey key)
      throws Exception {
    PublicationContent content = f.builder.compose(key);
    byte[] pdf = pdf(name, content);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      List<List<String>> bodies = new ArrayList<>();
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        bodies.add(body(stripper.getText(doc), content.title()));
      }
      for (int p = 0; p < pages - 1; p++) {
        List<String> body = bodies.get(p);
        List<String> next = bodies.get(p + 1);
        for (int i = 0; i < body.size(); i++) {
          // A part continued on the next page keeps at least its first lines with its heading.
          if (heading(body.get(i))
              && body.size() - 1 - i < 3
              && !next.isEmpty()
              && !heading(next.get(0))) {
            assertThat(body.subList(i, body.size()))
                .as(
                    "%s page %d of %d ends with a heading and too little of its part",
                    name, p + 1, pages)
                .isEmpty();
          }
        }
      }
    }
  }

  /** A numbered part heading ("十一、规划层面汇总"), not a 目录 line (which ends in its page). */
  private static boolean heading(String l) {
    return l.matches("[一二三四五六七八九十]+、\\S{1,28}") && !l.matches(".*\\d$");
  }

  /** The page's lines without the running header, the sample mark and the folio. */
  private static List<String> body(String text, String title) {
    return Arrays.stream(text.split("\\R"))
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .filter(l -> !l.startsWith(title))
        .filter(l -> !l.equals("示例数据 非官方统计"))
        .filter(l -> !l.matches("\\d+\\s*/\\s*\\d+"))
        .toList();
  }

  /** A line of a block's notes or its sources. */
  private static boolean noteLine(String l) {
    return l.startsWith("注：") || l.startsWith("资料来源") || l.matches("\\d+．.*");
  }

  /**
   * Lines continued from the notes of the page before (no 注： of their own), then only numbered
   * notes and a sources line.
   */
  private static boolean orphanedContinuation(List<String> body) {
    int numbered = 0;
    for (String l : body) {
      if (!l.matches("\\d+．.*") && !l.startsWith("资料来源")) {
        if (numbered > 0) {
          return false;
        }
        continue;
      }
      numbered++;
    }
    return numbered > 0
        && body.get(body.size() - 1).startsWith("资料来源")
        && body.stream().noneMatch(l -> l.startsWith("注：") || l.startsWith("表"));
  }
}
