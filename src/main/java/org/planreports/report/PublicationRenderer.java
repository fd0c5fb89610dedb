package org.planreports.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Lays a publication's content out with the build-compiled templates and exports one PDF/A file.
 * Sections are filled twice: the first pass counts pages, the second prints "x / y" with the
 * section's page offset and the document's total.
 */
@Component
public class PublicationRenderer {

  private final PdfRenderer pdf;

  public PublicationRenderer() {
    this.pdf = new PdfRenderer();
  }

  public byte[] render(PublicationContent content) {
    List<JasperPrint> prints = fill(content, null);
    int total = prints.stream().mapToInt(p -> p.getPages().size()).sum();
    prints = fill(content, total);
    return pdf.export(
        prints,
        PdfDocumentInfo.of(
            content.title(),
            content.author(),
            content.subject(),
            content.keywords(),
            "zh-CN",
            content.documentDate()));
  }

  private List<JasperPrint> fill(PublicationContent content, Integer total) {
    List<JasperPrint> prints = new ArrayList<>();
    int offset = 0;
    for (Section s : content.sections()) {
      JasperReport template = pdf.loadTemplate(s.template());
      Map<String, Object> params = new HashMap<>(s.params());
      params.put("HEADER", content.title() + "  " + content.dataVintage());
      params.put("SAMPLE", content.sample());
      params.put("WATERMARK", content.sample() ? new Watermark(Watermark.TEXT) : null);
      params.put("BOOKMARK", s.bookmark());
      params.put("PAGE_OFFSET", offset);
      params.put("TOTAL_PAGES", total);
      List<Map<String, ?>> rows = new ArrayList<>(s.rows());
      JasperPrint print = pdf.fill(template, params, new JRMapCollectionDataSource(rows));
      // The batch export makes one top-level bookmark per print, named after it.
      print.setName(s.bookmark());
      offset += print.getPages().size();
      prints.add(print);
    }
    return prints;
  }
}
