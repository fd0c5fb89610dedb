package org.planreports.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRPropertiesMap;
import net.sf.jasperreports.engine.JRPropertiesUtil;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontExtensionsCollector;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.engine.fonts.InvalidFontException;
import net.sf.jasperreports.engine.fonts.SimpleFontExtensionHelper;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.extensions.ExtensionsRegistry;
import net.sf.jasperreports.extensions.ExtensionsRegistryFactory;

/**
 * The bundled font families ({@code fonts/fonts.xml}, named in {@code
 * jasperreports_extension.properties} as for JasperReports' own font extension), with faces that
 * load their AWT font when first asked for it, from the plain file where there is one ({@link
 * BundledFontFiles}). JasperReports' own extension loads every face when the families are first
 * listed and copies each from the classpath into a temporary file first; the fonts are the same.
 * The PDF exporter is given the plain file too ({@link #pdfName}).
 */
public final class BundledFontsRegistryFactory implements ExtensionsRegistryFactory {

  /** The property prefix of the font-family files, as JasperReports' own font extension has it. */
  static final String FAMILIES = "net.sf.jasperreports.extension.simple.font.families.";

  @Override
  public ExtensionsRegistry createRegistry(String registryId, JRPropertiesMap properties) {
    List<String> locations = new ArrayList<>();
    for (JRPropertiesUtil.PropertySuffix suffix :
        JRPropertiesUtil.getProperties(properties, FAMILIES)) {
      locations.add(suffix.getValue());
    }
    return new Registry(locations);
  }

  private static final class Registry implements ExtensionsRegistry {
    private final List<String> locations;
    private volatile FontExtensionsCollector loaded;

    Registry(List<String> locations) {
      this.locations = locations;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> getExtensions(Class<T> type) {
      if (FontFamily.class.equals(type)) {
        return (List<T>) collector().getFontFamilies();
      }
      if (FontSet.class.equals(type)) {
        return (List<T>) collector().getFontSets();
      }
      return null;
    }

    private FontExtensionsCollector collector() {
      FontExtensionsCollector result = loaded;
      if (result == null) {
        synchronized (this) {
          if (loaded == null) {
            loaded = load();
          }
          result = loaded;
        }
      }
      return result;
    }

    private FontExtensionsCollector load() {
      JasperReportsContext context = DefaultJasperReportsContext.getInstance();
      FontExtensionsCollector collector = new FontExtensionsCollector();
      for (String location : locations) {
        try (InputStream in =
            BundledFontFiles.class.getClassLoader().getResourceAsStream(location)) {
          if (in == null) {
            throw new JRRuntimeException(
                "no font extension file " + location + " on the classpath");
          }
          // false: parse the faces without loading their fonts
          SimpleFontExtensionHelper.getInstance().loadFontExtensions(context, in, collector, false);
        } catch (IOException e) {
          throw new JRRuntimeException(e);
        }
      }
      for (FontFamily family : collector.getFontFamilies()) {
        if (family instanceof SimpleFontFamily simple) {
          simple.setNormalFace(lazy(context, simple.getNormalFace()));
          simple.setBoldFace(lazy(context, simple.getBoldFace()));
          simple.setItalicFace(lazy(context, simple.getItalicFace()));
          simple.setBoldItalicFace(lazy(context, simple.getBoldItalicFace()));
        }
      }
      return collector;
    }

    private static SimpleFontFace lazy(JasperReportsContext context, FontFace face) {
      if (!(face instanceof SimpleFontFace simple) || face.getTtf() == null) {
        return (SimpleFontFace) face;
      }
      LazyFontFace lazy = new LazyFontFace(context);
      lazy.setTtf(simple.getTtf(), false);
      lazy.setPdf(pdfName(simple));
      lazy.setEot(simple.getEot());
      lazy.setSvg(simple.getSvg());
      lazy.setWoff(simple.getWoff());
      return lazy;
    }
  }

  /**
   * The name the PDF exporter asks OpenPDF for the face by: the absolute path of its plain file
   * where there is one, so that OpenPDF reads the file where it lies (mapped, only while it reads
   * from it) instead of holding its bytes for the JVM's life; else the face's own name (a
   * resource).
   */
  static String pdfName(FontFace face) {
    String name = face.getPdf() != null ? face.getPdf() : face.getTtf();
    return BundledFontFiles.plainFile(name)
        .map(file -> file.toAbsolutePath().toString())
        // OpenPDF reads "file,N" as face N of a collection
        .filter(path -> !path.contains(","))
        .orElse(face.getPdf());
  }

  /** A face whose AWT font is created on first use, from the plain file where there is one. */
  static final class LazyFontFace extends SimpleFontFace {
    private Font font;

    LazyFontFace(JasperReportsContext context) {
      super(context);
    }

    @Override
    public synchronized Font getFont() {
      if (font == null) {
        Optional<Path> file = BundledFontFiles.plainFile(getTtf());
        if (file.isPresent()) {
          try {
            font = Font.createFont(Font.TRUETYPE_FONT, file.get().toFile());
          } catch (FontFormatException | IOException e) {
            throw new InvalidFontException(getTtf(), e);
          }
        } else {
          super.loadFont();
          font = super.getFont();
        }
      }
      return font;
    }

    @Override
    public void loadFont() {
      getFont();
    }

    @Override
    public String getName() {
      return getFont().getName();
    }
  }
}
