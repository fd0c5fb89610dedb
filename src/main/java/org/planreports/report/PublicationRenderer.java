package org.planreports.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Lays a publication's content out with the build-compiled templates and exports one PDF/A file.
 * Sections are filled twice: the first pass counts pages, the second prints "x / y" with the
 * section's page offset and the document's total, and the page of each section in the contents.
 *
 * <p>{@link #prepare} renders publications ahead, one per core at a time, each laid out and
 * exported on one thread, while {@link #render} hands them back in order; the bytes are those of
 * rendering one after another ({@link PdfRenderer} exports on several threads at once only with
 * fonts that allow it, and then gives the same bytes). With exports that must run one at a time,
 * the other cores only lay out ahead and the caller exports.
 */
@Component
public class PublicationRenderer {

  /** The template of a table of contents: its rows' {@code target} names a section's bookmark. */
  static final String CONTENTS = "contents";

  private final PdfRenderer pdf;

  /**
   * Work started by {@link #prepare}, by the very content object it is for: the PDF (when exports
   * may run at once) or the laid-out pages.
   */
  private final Map<PublicationContent, Future<Object>> prepared = new IdentityHashMap<>();

  /** Prepared contents whose layout has not started yet, in order. */
  private final Deque<PublicationContent> pending = new ArrayDeque<>();

  private ExecutorService pool;

  public PublicationRenderer() {
    this(new PdfRenderer());
  }

  PublicationRenderer(PdfRenderer pdf) {
    this.pdf = pdf;
  }

  public byte[] render(PublicationContent content) {
    return renderWithDigest(content).bytes();
  }

  /** {@link #render}, with the SHA-256 of the PDF. */
  public PdfRenderer.Pdf renderWithDigest(PublicationContent content) {
    Object ahead = preparedOrNew(content);
    if (ahead instanceof PdfRenderer.Pdf done) {
      return done;
    }
    @SuppressWarnings("unchecked")
    List<JasperPrint> prints = (List<JasperPrint>) ahead;
    return pdf.exportWithDigest(prints, info(content));
  }

  /**
   * Renders {@code contents} ahead, in order, so that {@link #render} of these same objects, in the
   * same order, finds them done or under way. As many threads as the machine has cores each lay a
   * publication out and export it, and one more publication waits its turn, which keeps a few
   * publications in memory; when exports must run one at a time ({@link PdfRenderer}), one core
   * less lays out ahead and {@link #render} exports. Replaces what an earlier call prepared and was
   * not rendered. With one core nothing runs ahead.
   */
  public void prepare(List<PublicationContent> contents) {
    int cores = Runtime.getRuntime().availableProcessors();
    synchronized (prepared) {
      prepared.values().forEach(f -> f.cancel(false));
      prepared.clear();
      pending.clear();
      if (pool != null) {
        pool.shutdown();
        pool = null;
      }
      if (cores < 2 || contents.isEmpty()) {
        return;
      }
      pdf.loadFonts();
      exportAhead = pdf.concurrentExports();
      int threads = exportAhead ? cores : cores - 1;
      pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "publication-render");
                t.setDaemon(true);
                return t;
              });
      pending.addAll(contents);
      for (int i = 0; i < (exportAhead ? threads + 1 : threads); i++) {
        startNext();
      }
    }
  }

  /** Whether this renderer's exports may run on several threads at once. */
  boolean concurrentExportsForTest() {
    return pdf.concurrentExports();
  }

  /** Whether the work prepared ahead exports, not only lays out (set by {@link #prepare}). */
  private boolean exportAhead;

  /** Under the lock: starts the work of the next pending content, if any. */
  private void startNext() {
    PublicationContent next = pending.poll();
    if (next != null) {
      boolean export = exportAhead;
      prepared.put(
          next,
          pool.submit(
              () ->
                  export ? pdf.exportWithDigest(layout(next), info(next)) : (Object) layout(next)));
    } else if (pool != null && prepared.isEmpty()) {
      pool.shutdown();
      pool = null;
    }
  }

  /** The PDF or the pages prepared for {@code content}, or its pages laid out now. */
  private Object preparedOrNew(PublicationContent content) {
    Future<Object> ahead;
    synchronized (prepared) {
      ahead = prepared.remove(content);
      pending.removeIf(c -> c == content);
      if (pool != null) {
        startNext();
      }
    }
    if (ahead == null) {
      return layout(content);
    }
    try {
      return ahead.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new ReportRenderingException("cannot render " + content.title(), e.getCause());
    } catch (CancellationException e) {
      return layout(content);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportRenderingException("interrupted rendering " + content.title(), e);
    }
  }

  /** The filled pages of every section, in order, with page numbers and contents resolved. */
  List<JasperPrint> layout(PublicationContent content) {
    Map<String, Integer> firstPages = new HashMap<>();
    List<JasperPrint> prints = fill(content, null, firstPages);
    int total = prints.stream().mapToInt(p -> p.getPages().size()).sum();
    Map<String, Integer> pass1 = new HashMap<>(firstPages);
    prints = fill(content, total, pass1);
    int total2 = prints.stream().mapToInt(p -> p.getPages().size()).sum();
    if (total2 != total) {
      throw new IllegalStateException(
          "page count changed between layout passes: " + total + " → " + total2);
    }
    return prints;
  }

  static PdfDocumentInfo info(PublicationContent content) {
    return PdfDocumentInfo.of(
        content.title(),
        content.author(),
        content.subject(),
        content.keywords(),
        "zh-CN",
        content.documentDate());
  }

  /**
   * @param firstPages in: the first page of each section from an earlier pass (for the contents);
   *     out: this pass's first pages
   */
  private List<JasperPrint> fill(
      PublicationContent content, Integer total, Map<String, Integer> firstPages) {
    Map<String, Integer> known = new HashMap<>(firstPages);
    List<JasperPrint> prints = new ArrayList<>();
    int offset = 0;
    for (Section s : content.sections()) {
      JasperReport template = pdf.loadTemplate(s.template());
      Map<String, Object> params = new HashMap<>(s.params());
      params.put("HEADER", content.title() + "    " + content.dataVintage());
      params.put("SAMPLE", content.sample());
      params.put("WATERMARK", Watermark.of(content.sample(), ReleaseMarking.review(s)));
      params.put("BOOKMARK", s.bookmark());
      params.put("PAGE_OFFSET", offset);
      params.put("TOTAL_PAGES", total);
      List<Map<String, ?>> rows = new ArrayList<>();
      for (Map<String, Object> row : s.rows()) {
        if (CONTENTS.equals(s.template()) && row.get("target") instanceof String target) {
          Map<String, Object> r = new LinkedHashMap<>(row);
          Integer page = known.get(target);
          r.put("page", page == null ? null : String.valueOf(page));
          rows.add(r);
        } else {
          rows.add(row);
        }
      }
      JasperPrint print = pdf.fill(template, params, new JRMapCollectionDataSource(rows));
      // The batch export makes one top-level bookmark per print, named after it.
      print.setName(s.bookmark());
      firstPages.put(s.bookmark(), offset + 1);
      offset += print.getPages().size();
      prints.add(print);
    }
    return prints;
  }
}
