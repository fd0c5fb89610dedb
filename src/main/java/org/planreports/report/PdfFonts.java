package org.planreports.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.SharedFont;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;

/**
 * The PDF exporter's fonts, loaded once per JVM: each TrueType or OpenType face of the font
 * families is read ({@link BundledFontFiles}) into one array of its exact size and given to OpenPDF
 * as a {@link SharedFont}, which keeps its CFF table for all the PDFs of the JVM's life. Without
 * this, OpenPDF reads each face through a growing buffer (three times its size in garbage) and
 * copies its CFF table again for every PDF it embeds a subset into. The fonts and the bytes of the
 * PDFs are the same either way.
 */
final class PdfFonts {

  private PdfFonts() {}

  private static volatile boolean loaded;

  /** Whether every face of the families is a {@link SharedFont} (exports may run at once). */
  private static volatile boolean allShared;

  /** Loads the faces of {@code context}'s font families, once; later calls return at once. */
  static void load(JasperReportsContext context) {
    if (loaded) {
      return;
    }
    synchronized (PdfFonts.class) {
      if (loaded) {
        return;
      }
      boolean shared = true;
      for (String face : embeddedFaces(context)) {
        try {
          java.util.Optional<java.nio.file.Path> file = BundledFontFiles.plainFile(face);
          BaseFont font =
              file.isPresent()
                  ? SharedFont.register(face, file.get())
                  : SharedFont.register(face, BundledFontFiles.read(face));
          shared &= font instanceof SharedFont;
        } catch (DocumentException | IOException e) {
          throw new ReportRenderingException("cannot load font " + face, e);
        }
      }
      allShared = shared && embeddedFaces(context).size() == faceCount(context);
      loaded = true;
    }
  }

  /**
   * Whether PDFs may be exported on several threads at once: every face of the bundled families is
   * a {@link SharedFont}, which keeps its per-export state per thread. {@link #load} first.
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

  /** The font OpenPDF will embed for a face file, if it is loaded (for tests). */
  static BaseFont loadedFont(String face) {
    return SharedFont.cached(face);
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
