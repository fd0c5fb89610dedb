package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The libraries on the classpath are the versions the PDF fonts' seam ({@link PdfFonts}, {@link
 * PerThreadRandom}) was written for: an upgrade fails here first, to be checked (the same-output
 * comparison, {@code PreparedRenderingTest}) and the versions in {@link PdfFonts} moved on.
 */
class SeamVersionsTest {

  @ParameterizedTest
  @CsvSource({
    "com.github.librepdf, openpdf, com.lowagie.text.pdf.BaseFont, " + PdfFonts.OPENPDF_VERSION,
    "net.sf.jasperreports, jasperreports, net.sf.jasperreports.engine.JasperReportsContext, "
        + PdfFonts.JASPERREPORTS_VERSION,
    "net.sf.jasperreports, jasperreports-pdf, net.sf.jasperreports.pdf.JRPdfExporter, "
        + PdfFonts.JASPERREPORTS_VERSION,
  })
  void shouldResolveTheVersionTheSeamWasWrittenFor(
      String group, String artifact, String aClass, String expected) throws Exception {
    // the pom.properties of the jar that holds the class the seam uses
    Class<?> used = Class.forName(aClass);
    String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    java.net.URL jar = used.getProtectionDomain().getCodeSource().getLocation();
    Properties pom = new Properties();
    try (java.net.URLClassLoader only =
            new java.net.URLClassLoader(new java.net.URL[] {jar}, null);
        InputStream in = only.getResourceAsStream(resource)) {
      assertThat(in).as("%s in %s", resource, jar).isNotNull();
      pom.load(in);
    }
    assertThat(pom.getProperty("version")).as(group + ":" + artifact).isEqualTo(expected);
  }
}
