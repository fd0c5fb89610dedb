package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.security.SecureRandom;

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
