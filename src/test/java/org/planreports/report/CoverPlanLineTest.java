package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PublicationKey;

/**
 * The cover's plan line keeps the plan's document (plan.document) whole on one line: a line too
 * long for the cover breaks before the document, never inside it ("理）" alone on a line).
 */
@Tag("pdf")
class CoverPlanLineTest {

  static java.util.stream.Stream<Arguments> publications() throws java.io.IOException {
    return PageScanTest.publications()
        .filter(a -> ((PublicationKey) a.get()[2]).type().isEvaluation())
        .filter(a -> ((PublicationFixtures) a.get()[1]).plan.meta().document() != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publications")
  void shouldKeepTheDocumentWholeOnTheCover(String name, PublicationFixtures f, PublicationKey key)
      throws Exception {
    PublicationContent content = f.builder.compose(key);
    String document = f.plan.meta().document();
    try (PDDocument doc = Loader.loadPDF(PageScanTest.pdf(name, content))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      List<String> lines =
          Arrays.stream(stripper.getText(doc).split("\\R")).map(String::strip).toList();
      assertThat(lines)
          .as("%s cover: the document on one line", name)
          .anyMatch(l -> l.endsWith(document + "）"));
    }
  }
}
