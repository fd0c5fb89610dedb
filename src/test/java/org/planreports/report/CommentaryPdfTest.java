package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planreports.ingest.Commentary;
import org.planreports.ingest.CommentaryFiles;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The mid-term evaluation with a realistic commentary of the office (南川's, and one for a fixture
 * plan), rendered: the sections are where the plan puts them in the text a reader extracts, each is
 * bookmarked, the figures are the tables' own, and the file is still PDF/A-2a.
 */
@Tag("pdf")
class CommentaryPdfTest {

  private static final Path COMMENTARY = Path.of("src/test/resources/fixtures/commentary");

  private static PublicationFixtures fixtures(String name) {
    if (name.equals("nanchuan")) {
      return PublicationFixtures.read(PublicationFixtures.BUNDLED);
    }
    Path plan = Path.of("src/test/resources/fixtures/plans", name);
    return PublicationFixtures.read(
        plan.resolve("extracts"), PlanLoader.load(plan.resolve("plan.properties")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nanchuan", "district-binding"})
  void theOfficesSectionsArePrintedWhereThePlanPutsThem(String name) throws Exception {
    PublicationFixtures f = fixtures(name);
    PublicationKey key =
        new PublicationKey(f.plan.meta().regionCode(), 2023, PublicationType.MIDTERM);
    Commentary c =
        CommentaryFiles.parse(
            "commentary/2023-midterm.md",
            Files.readAllBytes(COMMENTARY.resolve(name).resolve("2023-midterm.md")));
    assertThat(c.findings()).isEmpty();
    PublicationContent content = f.builder.withCommentary(k -> Optional.of(c)).compose(key);
    byte[] pdf = new PublicationRenderer().render(content);
    write(name, pdf);

    assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks)
          .containsExactlyElementsOf(content.sections().stream().map(Section::bookmark).toList());
      // Line breaks fall anywhere in CJK text: compare without whitespace.
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
      String body = text.substring(text.indexOf("前言", text.indexOf("附录二") + 3));
      int preface = body.indexOf("前言");
      int summary = body.indexOf("一、评估概要");
      int results = body.indexOf("主要成效");
      int problems = body.indexOf("存在问题");
      int appendix = body.indexOf("附录一评估方法说明");
      assertThat(preface).isNotNegative().isLessThan(summary);
      assertThat(summary).isLessThan(results);
      assertThat(body.lastIndexOf("表", results)).isGreaterThan(summary);
      assertThat(results).isLessThan(problems);
      assertThat(problems).isLessThan(appendix);
      assertThat(bookmarks).anyMatch(b -> b.endsWith("、主要成效"));
      if (name.equals("nanchuan")) {
        assertThat(body.indexOf("下一步工作")).isGreaterThan(problems).isLessThan(appendix);
        assertThat(body)
            .contains("由2020年的1.74%提高到2023年的2.05%")
            .contains("国家高新技术企业达到52家")
            .contains("创新投入稳步增长");
      } else {
        assertThat(bookmarks).anyMatch(b -> b.endsWith("、科技园区专题"));
      }
      assertThat(body).doesNotContain("{{");
    }
  }

  /** For a reader's look: target/commentary/{name}-2023-midterm.pdf. */
  private static void write(String name, byte[] pdf) throws IOException {
    Path dir = Files.createDirectories(Path.of("target/commentary"));
    Files.write(dir.resolve(name + "-2023-midterm.pdf"), pdf);
  }
}
