package org.planreports.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;

/**
 * The PDF exporter's fonts, loaded once per JVM through OpenPDF's public API: each TrueType or
 * OpenType face of the font families is put into OpenPDF's font cache with {@code
 * BaseFont.createFont(face, IDENTITY_H, EMBEDDED, CACHED, bytes, null)}, the very entry the
 * JasperReports exporter asks for. A face that is a plain file (named by its absolute path, {@link
 * BundledFontsRegistryFactory#pdfName}) OpenPDF reads where it lies, holding none of its bytes; a
 * face in a jar is read ({@link BundledFontFiles}) into one array of its exact size, where OpenPDF
 * would read it through a growing buffer (three times its size in garbage). Each face gets a {@link
 * PerThreadRandom} as its subset-prefix generator, so that PDFs may be exported on several threads
 * at once. The fonts and the bytes of the PDFs are the same either way.
 */
final class PdfFonts {

  private PdfFonts() {}

  /**
   * The OpenPDF this was written for (pinned in pom.xml): that {@code BaseFont.createFont(…,
   * CACHED, …)} fills the cache JasperReports' exporter reads, and that a font's subset prefix is
   * drawn from its {@code SecureRandom} when a PDF is closed ({@link PerThreadRandom}).
   */
  static final String OPENPDF_VERSION = "1.3.43";

  /** The JasperReports this was written for: its exporter takes OpenPDF's cached fonts. */
  static final String JASPERREPORTS_VERSION = "7.0.6";

  private static volatile boolean loaded;

  /** Whether every face of the families has a {@link PerThreadRandom} (exports may run at once). */
  private static volatile boolean allShared;

  /** The subset-prefix generator of each loaded face. */
  private static final Map<BaseFont, PerThreadRandom> PREFIX_RANDOM =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /** Loads the faces of {@code context}'s font families, once; later calls return at once. */
  static void load(JasperReportsContext context) {
    if (loaded) {
      return;
    }
    synchronized (PdfFonts.class) {
      if (loaded) {
        return;
      }
      for (String face : embeddedFaces(context)) {
        try {
          // a plain file is read by OpenPDF where it lies; a resource from one exact array
          java.nio.file.Path file = java.nio.file.Path.of(face);
          byte[] bytes =
              file.isAbsolute() && java.nio.file.Files.isRegularFile(file)
                  ? null
                  : BundledFontFiles.read(face);
          BaseFont font =
              BaseFont.createFont(
                  face, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.CACHED, bytes, null);
          PerThreadRandom random = new PerThreadRandom();
          font.setSecureRandom(random);
          PREFIX_RANDOM.put(font, random);
        } catch (DocumentException | IOException e) {
          throw new ReportRenderingException("cannot load font " + face, e);
        }
      }
      allShared = embeddedFaces(context).size() == faceCount(context);
      loaded = true;
    }
  }

  /**
   * Whether PDFs may be exported on several threads at once: every face of the bundled families has
   * a {@link PerThreadRandom}, the one per-export setting OpenPDF keeps in a font. {@link #load}
   * first.
   */
  static boolean concurrentExports() {
    return loaded && allShared;
  }

  private static int faceCount(JasperReportsContext context) {
    java.util.Set<String> files = new java.util.HashSet<>();
    for (FontFamily family : context.getExtensions(FontFamily.class)) {
      for (FontFace face : faces(family)) {
        if (face != null) {
          files.add(face.getPdf() != null ? face.getPdf() : face.getTtf());
        }
      }
    }
    return files.size();
  }

  /** A family's four faces, those it does not have null. */
  private static FontFace[] faces(FontFamily family) {
    return new FontFace[] {
      family.getNormalFace(),
      family.getBoldFace(),
      family.getItalicFace(),
      family.getBoldItalicFace()
    };
  }

  /**
   * Makes {@code generator} the subset-prefix generator of {@code font} for the export running on
   * this thread: on this thread only for a face {@link #load} loaded, else for the font.
   */
  static void usePrefixRandom(BaseFont font, SecureRandom generator) {
    PerThreadRandom random = PREFIX_RANDOM.get(font);
    if (random != null) {
      random.use(generator);
    } else {
      font.setSecureRandom(generator);
    }
  }

  /** Whether {@code font} is one that {@link #load} loaded (for tests). */
  static boolean isLoaded(BaseFont font) {
    return PREFIX_RANDOM.containsKey(font);
  }

  /**
   * The TrueType and OpenType files of the faces of the families that are embedded with Identity-H,
   * as the exporter names them (PDF name, else TTF): the bundled ones and JasperReports' icon font.
   */
  static List<String> embeddedFaces(JasperReportsContext context) {
    List<String> faces = new ArrayList<>();
    for (FontFamily family : context.getExtensions(FontFamily.class)) {
      if (!"Identity-H".equals(family.getPdfEncoding())
          || !Boolean.TRUE.equals(family.isPdfEmbedded())) {
        continue;
      }
      for (FontFace face : faces(family)) {
        if (face == null) {
          continue;
        }
        String file = face.getPdf() != null ? face.getPdf() : face.getTtf();
        String lower = file == null ? "" : file.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".otf") || lower.endsWith(".ttf")) {
          if (!faces.contains(file)) {
            faces.add(file);
          }
        }
      }
    }
    return faces;
  }
}
