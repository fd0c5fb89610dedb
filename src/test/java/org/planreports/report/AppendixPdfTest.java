package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.PublicationKey;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The rendered public appendix: no item code or digest on its pages, PDF/A-2a, and the pages the
 * code-level table took are given back (measured before the change: 南川 2023 annual 7 pages, the
 * mid-term 19; the fixture plans' publications kept their counts, their appendix was one page).
 */
@Tag("pdf")
class AppendixPdfTest {

  @ParameterizedTest(name = "{0} {2}: at most {3} pages (was {4})")
  @CsvSource({
    "nanchuan, 500119, 2023-annual, 4, 7",
    "nanchuan, 500119, 2023-midterm, 16, 19",
    "nanchuan, 500119, 2022-annual, 4, 6",
    "scheme-2027, 500999, 2027-final, 11, 11",
    "district-binding, 500998, 2025-final, 14, 14",
    "zone-news, 500997, 2023-annual, 4, 4"
  })
  void shouldPrintTheAppendixInWordsOnFewerPages(
      String bundle, String region, String pub, int most, int before) throws Exception {
    PublicationFixtures f = PublicAppendixTest.fixture(bundle);
    PublicationContent c = f.builder.compose(PublicationKey.parse(region, pub));

    byte[] pdf = new PublicationRenderer().render(c);

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isLessThanOrEqualTo(most);
      PDFTextStripper stripper = new PDFTextStripper();
      int first = 0;
      for (int p = doc.getNumberOfPages(); p >= 1 && first == 0; p--) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        if (stripper.getText(doc).replaceAll("\\s+", "").contains("指标解释与数据来源")) {
          first = p;
        }
      }
      assertThat(first).as("the appendix's first page").isPositive();
      stripper.setStartPage(first);
      stripper.setEndPage(doc.getNumberOfPages());
      String appendix = stripper.getText(doc);
      assertThat(appendix.replaceAll("\\s+", ""))
          .contains("指标计算方法与数据来源", "provenance.csv", "datapackage.json")
          .doesNotContainPattern(PublicAppendixTest.CODE)
          .doesNotContainPattern(PublicAppendixTest.HEX_DIGEST)
          .doesNotContain("SHA-256：");
    }
    assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
  }
}
