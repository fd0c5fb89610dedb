package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;

/**
 * An OpenType/CFF font (the bundled Noto CJK faces) for OpenPDF that keeps its CFF table once, for
 * the JVM, instead of the whole font file plus a fresh copy of the table for every PDF.
 *
 * <p>{@link TrueTypeFontUnicode#writeFont} reads the font's CFF table anew for each document it
 * embeds a subset into: 16–24 MB per face and export, which the garbage collector then copies and
 * compacts. This font answers that read with the one table it read when it was created; the
 * subsetter only reads the array, so the subsets are the same bytes. Everything else (metrics,
 * cmaps, the font dictionaries) is OpenPDF's own code, unchanged.
 *
 * <p>It is in OpenPDF's package because the constructor it extends is package-private; {@link
 * #register} puts it into OpenPDF's font cache under the very key {@code BaseFont.createFont(name,
 * "Identity-H", true)} looks up, so the JasperReports exporter finds it there.
 */
public final class SharedCffFont extends TrueTypeFontUnicode {

  private final byte[] cffTable;

  private SharedCffFont(String name, byte[] fontFile) throws DocumentException, IOException {
    super(name, IDENTITY_H, true, fontFile, false);
    if (!cff) {
      throw new DocumentException(name + " is not an OpenType font with CFF outlines");
    }
    cffTable = super.readCffFont();
    // The file was read from this array; only the CFF table is read again (readCffFont).
    rf = new RandomAccessFileOrArray(cffTable);
    cffOffset = 0;
  }

  @Override
  protected byte[] readCffFont() {
    return cffTable;
  }

  /** The cache key of {@code BaseFont.createFont(name, IDENTITY_H, embedded = true)}. */
  static String cacheKey(String name) {
    return name + "\n" + IDENTITY_H + "\n" + true;
  }

  /**
   * The font {@code BaseFont.createFont(name, "Identity-H", true)} returns from now on: this one,
   * made from {@code fontFile} (the bytes of resource {@code name}), unless the cache already has a
   * font under that name.
   */
  public static BaseFont register(String name, byte[] fontFile)
      throws DocumentException, IOException {
    String key = cacheKey(name);
    BaseFont cached = fontCache.get(key);
    if (cached != null) {
      return cached;
    }
    SharedCffFont font = new SharedCffFont(name, fontFile);
    LayoutProcessor.loadFont(font, name);
    fontCache.putIfAbsent(key, font);
    return fontCache.get(key);
  }

  /** The font the cache holds under {@code name}, if any. */
  public static BaseFont cached(String name) {
    return fontCache.get(cacheKey(name));
  }
}
