package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;

/**
 * A TrueType or OpenType font for OpenPDF (the bundled Noto CJK faces) that exports on several
 * threads may share, and that keeps a CFF table once, for the JVM, instead of a fresh copy for
 * every PDF.
 *
 * <p>{@link TrueTypeFontUnicode#writeFont} reads an OpenType/CFF font's CFF table anew for each
 * document it embeds a subset into: 16–24 MB per face and export, which the garbage collector then
 * copies and compacts. This font answers that read with the one table it read when it was created
 * and drops its copy of the rest of the file; the subsetter only reads the array, so the subsets
 * are the same bytes. Everything else (metrics, cmaps, the font dictionaries) is OpenPDF's own
 * code, unchanged.
 *
 * <p>Besides the font data, which is only read, the one setting OpenPDF keeps in a font during an
 * export is the generator of the subset prefix, which the producer sets per export; this font keeps
 * it per thread, so exports on several threads at once each draw their own prefix, as if they had
 * run one after another.
 *
 * <p>It is in OpenPDF's package because the constructor it extends is package-private; {@link
 * #register} puts it into OpenPDF's font cache under the very key {@code BaseFont.createFont(name,
 * "Identity-H", true)} looks up, so the JasperReports exporter finds it there.
 */
public final class SharedFont extends TrueTypeFontUnicode {

  private final byte[] cffTable;

  /** The INDEX structures of {@link #cffTable}, read by the first subsets and kept for the rest. */
  private final IndexedCffSubset.Indexes cffIndexes = new IndexedCffSubset.Indexes();

  /**
   * The subset-prefix generator of the export running on each thread: the producer sets one per
   * export before the font is used and OpenPDF draws the prefix when that export closes, so exports
   * on several threads at once each get their own prefix, as if they had run one after another.
   */
  private final ThreadLocal<SecureRandom> prefixRandom = new ThreadLocal<>();

  /**
   * @param name the name the exporter asks for the font by
   * @param path where OpenPDF reads the font file from: {@code name} when {@code fontFile} holds
   *     its bytes, else a file on disk, which is mapped while the tables are read and then closed
   */
  private SharedFont(String name, String path, byte[] fontFile)
      throws DocumentException, IOException {
    super(path, IDENTITY_H, true, fontFile, false);
    // As if made from the bytes of resource "name" (the name only appears in messages).
    fileName = name;
    if (cff) {
      cffTable = super.readCffFont();
      // The file was read from this array; only the CFF table is read again (readCffFont).
      rf = new RandomAccessFileOrArray(cffTable);
      cffOffset = 0;
    } else {
      cffTable = null;
    }
  }

  @Override
  protected byte[] readCffFont() throws IOException {
    return cffTable != null ? cffTable : super.readCffFont();
  }

  /**
   * OpenPDF's {@link TrueTypeFontUnicode#writeFont}, line for line, but for the subset of the CFF
   * table, which {@link IndexedCffSubset} makes without reading the table's INDEX structures again
   * (the same bytes). A TrueType font is OpenPDF's own code.
   */
  @Override
  @SuppressWarnings("unchecked")
  void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params)
      throws DocumentException, IOException {
    if (!cff || !subset) {
      super.writeFont(writer, ref, params);
      return;
    }
    HashMap<Integer, int[]> longTag = (HashMap<Integer, int[]>) params[0];
    addRangeUni(longTag, true, subset);
    int[][] metrics = longTag.values().toArray(new int[0][]);
    Arrays.sort(metrics, this);
    PdfIndirectReference cidset = null;
    if (includeCidSet
        || writer.getPDFXConformance() == PdfWriter.PDFA1A
        || writer.getPDFXConformance() == PdfWriter.PDFA1B) {
      PdfStream stream;
      if (metrics.length == 0) {
        stream = new PdfStream(new byte[] {(byte) 0x80});
      } else {
        int top = metrics[metrics.length - 1][0];
        byte[] bt = new byte[top / 8 + 1];
        for (int[] metric : metrics) {
          int v = metric[0];
          bt[v / 8] |= (byte) (0x80 >> (v % 8));
        }
        stream = new PdfStream(bt);
        stream.flateCompress(compressionLevel);
      }
      cidset = writer.addToBody(stream).getIndirectReference();
    }
    byte[] b = IndexedCffSubset.subset(readCffFont(), longTag, cffIndexes);
    PdfIndirectReference indFont =
        writer
            .addToBody(new StreamFont(b, "CIDFontType0C", compressionLevel))
            .getIndirectReference();
    String subsetPrefix = createSubsetPrefix();
    PdfDictionary dic = getFontDescriptor(indFont, subsetPrefix, cidset);
    indFont = writer.addToBody(dic).getIndirectReference();
    PdfObject pobj = Private.call(Private.CID_FONT_TYPE_2, this, indFont, subsetPrefix, metrics);
    indFont = writer.addToBody(pobj).getIndirectReference();
    pobj = Private.call(Private.TO_UNICODE, this, new Object[] {metrics});
    PdfIndirectReference toUnicodeRef = null;
    if (pobj != null) {
      toUnicodeRef = writer.addToBody(pobj).getIndirectReference();
    }
    pobj = Private.call(Private.FONT_BASE_TYPE, this, indFont, subsetPrefix, toUnicodeRef);
    writer.addToBody(pobj, ref);
  }

  /** The private methods of {@link TrueTypeFontUnicode} that {@link #writeFont} calls. */
  private static final class Private {
    static final Method TO_UNICODE = find("getToUnicode", int[][].class);
    static final Method CID_FONT_TYPE_2 =
        find("getCIDFontType2", PdfIndirectReference.class, String.class, int[][].class);
    static final Method FONT_BASE_TYPE =
        find(
            "getFontBaseType",
            PdfIndirectReference.class,
            String.class,
            PdfIndirectReference.class);

    private static Method find(String name, Class<?>... parameters) {
      try {
        Method method = TrueTypeFontUnicode.class.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    static PdfObject call(Method method, SharedFont font, Object... args) {
      try {
        return (PdfObject) method.invoke(font, args);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  @Override
  public void setSecureRandom(SecureRandom secureRandom) {
    prefixRandom.set(secureRandom);
  }

  @Override
  protected SecureRandom getSecureRandom() {
    SecureRandom random = prefixRandom.get();
    return random != null ? random : new SecureRandom();
  }

  /** The cache key of {@code BaseFont.createFont(name, IDENTITY_H, embedded = true)}. */
  static String cacheKey(String name) {
    return name + "\n" + IDENTITY_H + "\n" + true;
  }

  /**
   * The font {@code BaseFont.createFont(name, "Identity-H", true)} returns from now on: this one,
   * made from {@code fontFile} (the bytes of resource {@code name}, a {@code .ttf} or {@code
   * .otf}), unless the cache already has a font under that name.
   */
  public static BaseFont register(String name, byte[] fontFile)
      throws DocumentException, IOException {
    return register(name, name, fontFile);
  }

  /**
   * The same, read from {@code file} on disk (the same bytes as resource {@code name}): only the
   * CFF table is copied into memory, not the whole file first.
   */
  public static BaseFont register(String name, java.nio.file.Path file)
      throws DocumentException, IOException {
    String path = file.toAbsolutePath().toString();
    if (path.contains(",")) {
      // OpenPDF reads "file,N" as face N of a collection: read the bytes instead.
      return register(name, java.nio.file.Files.readAllBytes(file));
    }
    return register(name, path, null);
  }

  private static BaseFont register(String name, String path, byte[] fontFile)
      throws DocumentException, IOException {
    String key = cacheKey(name);
    BaseFont cached = fontCache.get(key);
    if (cached != null) {
      return cached;
    }
    SharedFont font = new SharedFont(name, path, fontFile);
    LayoutProcessor.loadFont(font, name);
    fontCache.putIfAbsent(key, font);
    return fontCache.get(key);
  }

  /** The font the cache holds under {@code name}, if any. */
  public static BaseFont cached(String name) {
    return fontCache.get(cacheKey(name));
  }
}
