package org.planreports.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Fills build-compiled JasperReports templates and exports them as tagged PDF/A-2a with the bundled
 * fonts. The same prints and {@link PdfDocumentInfo} always give the same bytes.
 *
 * <p>Plain Java, no Spring. Thread-safe. OpenPDF shares its font objects across the JVM; with the
 * bundled fonts loaded by {@link PdfFonts}, whose one per-export setting is kept per thread ({@link
 * PerThreadRandom}), exports run on several threads at once and give the bytes of exporting one
 * after another; with any other font they run one at a time.
 */
public final class PdfRenderer {

  /** Conformance level of every export. */
  public static final PdfaConformanceEnum CONFORMANCE = PdfaConformanceEnum.PDFA_2A;

  /** Classpath location of the sRGB IEC61966-2.1 (ICC v2) output-intent profile. */
  public static final String ICC_PROFILE = "icc/sRGB.icc";

  /** Written as the PDF Creator (xmp:CreatorTool). */
  public static final String CREATOR = "plan-reports";

  private static final String TEMPLATE_DIRECTORY = "/reports/";

  /** The templates' parameter for their style template, and where its default finds it. */
  static final String STYLES_PARAMETER = "STYLES", STYLES_LOCATION = "reports/styles.jrtx";

  private static final Object EXPORT_LOCK = new Object();

  private final SimpleJasperReportsContext context;

  /**
   * Templates read once per JVM: a publication fills a section template twice and a run fills the
   * same few templates for every publication. A compiled report is not changed by a fill and
   * JasperReports fills one report on several threads at once.
   */
  private static final Map<String, JasperReport> TEMPLATES = new ConcurrentHashMap<>();

  /**
   * The house styles ({@code reports/styles.jrtx}), parsed once and handed to every fill as the
   * templates' {@code STYLES} parameter, whose default names the file: JasperReports would parse it
   * again for every section it fills. A fill copies the styles it uses and changes none.
   */
  private static volatile JRTemplate styles;

  /** A renderer on JasperReports' default context (which finds the bundled font extension). */
  public PdfRenderer() {
    this(DefaultJasperReportsContext.getInstance());
  }

  /** A renderer whose settings live in a child of {@code parent}; the parent is not changed. */
  public PdfRenderer(JasperReportsContext parent) {
    context = new SimpleJasperReportsContext(parent);
    context.setProperty(
        JRPdfExporter.PDF_PRODUCER_FACTORY_PROPERTY,
        DeterministicPdfProducerFactory.class.getName());
    // Elements without a font name get the body font, not the JVM's "SansSerif".
    context.setProperty("net.sf.jasperreports.default.font.name", ReportFonts.SERIF);
    context.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
    // The fill measures text with AWT; the PDF exporter would wrap it again with OpenPDF's metrics
    // and could need one line more than the fill gave the element. Keep the fill's line breaks.
    context.setProperty("net.sf.jasperreports.text.save.line.breaks", "true");
  }

  /** Loads the fonts of the export now, if they are not loaded yet ({@link PdfFonts}). */
  void loadFonts() {
    PdfFonts.load(context);
  }

  /** Whether {@link #export} runs on several threads at once; loads the fonts first. */
  boolean concurrentExports() {
    loadFonts();
    return PdfFonts.concurrentExports();
  }

  /** The context this renderer fills and exports with. */
  public JasperReportsContext context() {
    return context;
  }

  /**
   * Loads {@code /reports/<name>.jasper}, compiled from {@code reports/<name>.jrxml} by the build.
   *
   * @throws IllegalArgumentException if there is no such template on the classpath
   */
  public JasperReport loadTemplate(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("bad template name: " + name);
    }
    return TEMPLATES.computeIfAbsent(name, PdfRenderer::read);
  }

  private static JasperReport read(String name) {
    String resource = TEMPLATE_DIRECTORY + name + ".jasper";
    try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no compiled template "
                + resource
                + " on the classpath (is reports/"
                + name
                + ".jrxml built?)");
      }
      return (JasperReport) JRLoader.loadObject(in);
    } catch (IOException | JRException e) {
      throw new ReportRenderingException("cannot load template " + resource, e);
    }
  }

  /**
   * Fills a template. Unless {@code params} say otherwise the report locale is zh_CN and the time
   * zone Asia/Shanghai, whatever the machine's defaults.
   */
  public JasperPrint fill(JasperReport report, Map<String, Object> params, JRDataSource ds) {
    Map<String, Object> parameters = new HashMap<>(params == null ? Map.of() : params);
    parameters.putIfAbsent(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
    if (report.getParameters() != null
        && java.util.Arrays.stream(report.getParameters())
            .anyMatch(p -> STYLES_PARAMETER.equals(p.getName()))) {
      parameters.putIfAbsent(STYLES_PARAMETER, styles());
    }
    parameters.putIfAbsent(
        JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(PdfDocumentInfo.CHINA_STANDARD_TIME));
    try {
      return JasperFillManager.getInstance(context).fill(report, parameters, ds);
    } catch (JRException e) {
      throw new ReportRenderingException("cannot fill report " + report.getName(), e);
    }
  }

  /** The parsed house styles, loaded on first use. */
  private JRTemplate styles() {
    JRTemplate loaded = styles;
    if (loaded == null) {
      synchronized (PdfRenderer.class) {
        loaded = styles;
        if (loaded == null) {
          try {
            loaded = JRXmlTemplateLoader.getInstance(context).loadTemplate(STYLES_LOCATION);
          } catch (JRException e) {
            throw new ReportRenderingException("cannot load styles " + STYLES_LOCATION, e);
          }
          styles = loaded;
        }
      }
    }
    return loaded;
  }

  /**
   * Throws {@link MissingGlyphException} for the first character of any text element that its
   * bundled font cannot draw, and {@link IllegalStateException} for text in a font that is not
   * bundled. {@link #export} runs this first.
   */
  public void checkGlyphs(List<JasperPrint> prints) {
    new GlyphCheck(context).check(prints);
  }

  /**
   * Exports the prints, in order, as one tagged PDF/A-2a document with an sRGB output intent.
   * Anchors with a bookmark level become bookmarks; with more than one print each print also gets a
   * top-level bookmark named after {@link JasperPrint#getName()}.
   *
   * @throws MissingGlyphException if a character has no glyph in its font
   */
  public byte[] export(List<JasperPrint> prints, PdfDocumentInfo info) {
    return exportWithDigest(prints, info).bytes();
  }

  /** A PDF's bytes and the hex SHA-256 of those bytes. */
  public record Pdf(byte[] bytes, String sha256) {}

  /** {@link #export}, with the digest of the file, made in the same pass as the file ID. */
  public Pdf exportWithDigest(List<JasperPrint> prints, PdfDocumentInfo info) {
    if (prints == null || prints.isEmpty()) {
      throw new IllegalArgumentException("nothing to export");
    }
    checkGlyphs(prints);
    PdfFonts.load(context);

    SimpleJasperReportsContext exportContext = new SimpleJasperReportsContext(context);
    exportContext.setValue(DeterministicPdfProducer.DOCUMENT_INFO_KEY, info);

    SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
    configuration.setPdfaConformance(CONFORMANCE);
    configuration.setIccProfilePath(ICC_PROFILE);
    configuration.setTagged(true);
    configuration.setTagLanguage(info.language());
    configuration.setMetadataTitle(info.title());
    configuration.setDisplayMetadataTitle(true);
    configuration.setMetadataAuthor(info.author());
    configuration.setMetadataSubject(info.subject());
    configuration.setMetadataKeywords(info.keywords());
    configuration.setMetadataCreator(CREATOR);
    configuration.setCreatingBatchModeBookmarks(true);
    configuration.setCompressed(false); // the ID patch below needs the Info object uncompressed

    SimplePdfReportConfiguration reportConfiguration = new SimplePdfReportConfiguration();
    reportConfiguration.setBookmarksEnabled(true);
    reportConfiguration.setForceSvgShapes(false); // chart text stays text, in the bundled font
    // Break lines in the PDF where the fill measured them (java.text.BreakIterator), which keeps
    // closing punctuation such as "。" "，" "）" off the start of a line; OpenPDF's own rule does not.
    reportConfiguration.setForceLineBreakPolicy(true);

    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    JRPdfExporter exporter = new JRPdfExporter(exportContext);
    exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
    exporter.setConfiguration(configuration);
    exporter.setConfiguration(reportConfiguration);
    try {
      if (PdfFonts.concurrentExports()) {
        exporter.exportReport();
      } else {
        synchronized (EXPORT_LOCK) {
          exporter.exportReport();
        }
      }
    } catch (JRException e) {
      throw new ReportRenderingException("cannot export PDF \"" + info.title() + "\"", e);
    }
    return withContentId(out.toByteArray());
  }

  /**
   * Replaces the placeholder file ID (in the Info dictionary and the trailer) by the first 16 bytes
   * of the SHA-256 of the document as written with the placeholder. Same length, so the
   * cross-reference offsets stay valid. The SHA-256 of the result shares the bytes before the first
   * placeholder (nearly all of them: the Info dictionary and the trailer come last) with the ID's,
   * so they are hashed once for both: under the C1 compiler a run uses, SHA-256 costs about 10 ms
   * per megabyte.
   */
  static Pdf withContentId(byte[] pdf) {
    byte[] placeholder =
        DeterministicPdfProducer.FILE_ID_PLACEHOLDER.getBytes(StandardCharsets.ISO_8859_1);
    List<Integer> at = occurrences(pdf, placeholder);
    if (at.size() != 2) {
      throw new IllegalStateException(
          "expected the file ID placeholder in Info and trailer, found it " + at.size() + " times");
    }
    int first = at.get(0);
    MessageDigest file;
    String id;
    try {
      file = MessageDigest.getInstance("SHA-256");
      file.update(pdf, 0, first);
      MessageDigest content = (MessageDigest) file.clone();
      content.update(pdf, first, pdf.length - first);
      id = HexFormat.of().withUpperCase().formatHex(content.digest(), 0, 16);
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    byte[] replacement = ("[<" + id + "><" + id + ">]").getBytes(StandardCharsets.ISO_8859_1);
    byte[] result = pdf.clone();
    for (int offset : at) {
      System.arraycopy(replacement, 0, result, offset, replacement.length);
    }
    file.update(result, first, result.length - first);
    return new Pdf(result, HexFormat.of().formatHex(file.digest()));
  }

  /**
   * Where {@code needle} starts in {@code haystack}, every time, overlapping ones too
   * (Boyer–Moore–Horspool: a PDF is scanned in steps of up to the needle's length).
   */
  static List<Integer> occurrences(byte[] haystack, byte[] needle) {
    java.util.ArrayList<Integer> found = new java.util.ArrayList<>();
    int n = needle.length;
    if (n == 0) {
      throw new IllegalArgumentException("empty needle");
    }
    int[] shift = new int[256];
    java.util.Arrays.fill(shift, n);
    for (int k = 0; k < n - 1; k++) {
      shift[needle[k] & 0xFF] = n - 1 - k;
    }
    int last = n - 1;
    for (int i = 0; i <= haystack.length - n; ) {
      byte end = haystack[i + last];
      if (end == needle[last]) {
        int j = last - 1;
        while (j >= 0 && haystack[i + j] == needle[j]) {
          j--;
        }
        if (j < 0) {
          found.add(i);
        }
      }
      i += shift[end & 0xFF];
    }
    return found;
  }
}
