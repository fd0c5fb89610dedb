package org.planreports.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Font;
import com.lowagie.text.ImgTemplate;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.Arrays;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.util.JRImageLoader;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.pdf.classic.ClassicImage;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfImage;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfStructure;

/**
 * OpenPDF producer that makes PDF/A-2 pass and the output reproducible.
 *
 * <ul>
 *   <li>no CIDSet for the CJK CFF fonts: OpenPDF's CIDSet for them fails PDF/A-2 validation;
 *   <li>CreationDate and ModDate from {@link PdfDocumentInfo}, not the clock;
 *   <li>a placeholder file ID, replaced after export by a hash of the document ({@link
 *       PdfRenderer});
 *   <li>font-subset prefixes from a seeded generator instead of a random one, per export ({@link
 *       PdfFonts#usePrefixRandom});
 *   <li>the transparent pixel JasperReports lays over images with alternative text is an empty form
 *       XObject instead of a raster image, so charts stay pure vector drawings;
 *   <li>structure attributes such as an image's /Alt text in Unicode ({@link UnicodePdfStructure}).
 * </ul>
 */
class DeterministicPdfProducer extends ClassicPdfProducer {

  /** JasperReportsContext value key of the export's {@link PdfDocumentInfo}. */
  static final String DOCUMENT_INFO_KEY = DeterministicPdfProducer.class.getName() + ".info";

  /** Both halves of the placeholder trailer ID; 16 bytes as 32 hex digits. */
  static final String FILE_ID_PLACEHOLDER_HEX = "504C414E2D5245504F5254532D494430";

  static final String FILE_ID_PLACEHOLDER =
      "[<" + FILE_ID_PLACEHOLDER_HEX + "><" + FILE_ID_PLACEHOLDER_HEX + ">]";

  private static final byte[] PIXEL_IMAGE = loadPixelImage();

  private final PdfDocumentInfo info;
  private PdfStructure structure;
  private final Set<BaseFont> preparedFonts = Collections.newSetFromMap(new IdentityHashMap<>());

  DeterministicPdfProducer(PdfProducerContext context) {
    super(context);
    Object value = context.getJasperReportsContext().getValue(DOCUMENT_INFO_KEY);
    if (!(value instanceof PdfDocumentInfo documentInfo)) {
      throw new IllegalStateException("no PdfDocumentInfo in the JasperReportsContext");
    }
    this.info = documentInfo;
  }

  @Override
  public PdfDocumentWriter createWriter(OutputStream os) throws JRException {
    PdfDocumentWriter writer = super.createWriter(os);
    // The Info dictionary exists now and is read later for the XMP packet, so both get these.
    PdfDictionary infoDictionary = getPdfWriter().getInfo();
    PdfDate date = new PdfDate(GregorianCalendar.from(info.creationDate()));
    infoDictionary.put(PdfName.CREATIONDATE, date);
    infoDictionary.put(PdfName.MODDATE, date);
    // OpenPDF writes Info /FileID as the trailer /ID.
    infoDictionary.put(PdfName.FILEID, new PdfLiteral(FILE_ID_PLACEHOLDER));
    return writer;
  }

  @Override
  public Font getFont(Map<Attribute, Object> attributes, Locale locale) {
    Font font = super.getFont(attributes, locale);
    BaseFont baseFont = font.getBaseFont();
    // BaseFonts are cached JVM-wide: prepare each once per export, reseeding its prefix generator.
    if (baseFont != null && preparedFonts.add(baseFont)) {
      baseFont.setIncludeCidSet(false);
      PdfFonts.usePrefixRandom(baseFont, subsetPrefixRandom(baseFont));
    }
    return font;
  }

  private SecureRandom subsetPrefixRandom(BaseFont baseFont) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(baseFont.getPostscriptFontName().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(info.title().getBytes(StandardCharsets.UTF_8));
      // SHA1PRNG seeded before first use is a deterministic generator; the default one is not.
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(sha.digest());
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public PdfStructure getPdfStructure() {
    if (structure == null) {
      structure = new UnicodePdfStructure(this);
    }
    return structure;
  }

  @Override
  public PdfImage createImage(byte[] data, boolean verify) throws IOException, JRException {
    if (!verify && Arrays.equals(data, PIXEL_IMAGE)) {
      PdfTemplate empty = getPdfContentByte().createTemplate(1, 1);
      try {
        return new ClassicImage(new ImgTemplate(empty));
      } catch (BadElementException e) {
        throw new JRException(e);
      }
    }
    return super.createImage(data, verify);
  }

  private static byte[] loadPixelImage() {
    try {
      return JRLoader.loadBytesFromResource(JRImageLoader.PIXEL_IMAGE_RESOURCE);
    } catch (JRException e) {
      throw new JRRuntimeException(e);
    }
  }
}
