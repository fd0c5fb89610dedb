package org.planreports.report;

import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfProducerFactory;

/**
 * Registered by {@link PdfRenderer} under {@code net.sf.jasperreports.export.pdf.producer.factory}
 * in its own JasperReportsContext (JasperReports ignores the property in report templates). One
 * instance is shared by all exports, so it keeps no state.
 */
public final class DeterministicPdfProducerFactory implements PdfProducerFactory {

  @Override
  public PdfProducer createProducer(PdfProducerContext context) {
    return new DeterministicPdfProducer(context);
  }
}
