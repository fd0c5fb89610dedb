package org.planreports.report;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF as a library; the foundry is initialised once per JVM. */
final class PdfA {

  private static boolean initialised;

  private PdfA() {}

  private static synchronized void initialise() {
    if (!initialised) {
      VeraGreenfieldFoundryProvider.initialise();
      initialised = true;
    }
  }

  /** The failed rules, one line each ("6.2.11.4.2-1: message"), empty if the PDF is compliant. */
  static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
    initialise();
    try (PDFAParser parser =
        Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
      PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
      ValidationResult result = validator.validate(parser);
      List<String> failed =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(
                  a ->
                      a.getRuleId().getClause()
                          + "-"
                          + a.getRuleId().getTestNumber()
                          + ": "
                          + a.getMessage()
                          + " @ "
                          + a.getLocation().getContext())
              .distinct()
              .collect(Collectors.toList());
      if (failed.isEmpty() && !result.isCompliant()) {
        failed.add("not compliant: " + result.getFailedChecks());
      }
      return failed;
    }
  }
}
