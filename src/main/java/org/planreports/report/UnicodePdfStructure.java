package org.planreports.report;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfStructure;
import net.sf.jasperreports.pdf.classic.ClassicStructureEntry;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;

/**
 * Structure tree whose string attributes are written as Unicode. JasperReports 7.0.6 writes them in
 * PDFDocEncoding, which drops every Chinese character of an image's alternative text (/Alt).
 */
final class UnicodePdfStructure extends ClassicPdfStructure {

  UnicodePdfStructure(ClassicPdfProducer producer) {
    super(producer);
  }

  @Override
  protected ClassicStructureEntry createElement(PdfStructureEntry parent, String name) {
    PdfStructureElement parentElement = ((ClassicStructureEntry) parent).getElement();
    return new UnicodeEntry(this, new PdfStructureElement(parentElement, pdfName(name)));
  }

  private static final class UnicodeEntry extends ClassicStructureEntry {

    UnicodeEntry(ClassicPdfStructure structure, PdfStructureElement element) {
      super(structure, element);
    }

    @Override
    public void putString(String name, String value) {
      getElement().put(new PdfName(name), new PdfString(value, PdfObject.TEXT_UNICODE));
    }
  }
}
