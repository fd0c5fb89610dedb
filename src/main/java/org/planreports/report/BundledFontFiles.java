package org.planreports.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * The bundled font files as plain files on disk, where there are any: the AWT font and OpenPDF then
 * read them where they lie instead of inflating 58 MB from a jar (twice, and AWT once more into a
 * temporary copy). A face is read from its plain file when its resource is one ({@code
 * target/classes}, tests), or when the jar holding it has a {@code fonts/} folder beside it with a
 * file of the same name, size and CRC-32 as the jar's entry: the class-data-sharing folder the
 * build makes ({@code target/plan-reports-cds/}, see {@code org.planreports.launch}). Otherwise the
 * resource is read as before. The bytes are the same either way, and so are the PDFs.
 */
final class BundledFontFiles {

  private BundledFontFiles() {}

  private static final Map<String, Optional<Path>> FILES = new ConcurrentHashMap<>();

  /** The plain file holding the bytes of classpath resource {@code resource}, if there is one. */
  static Optional<Path> plainFile(String resource) {
    return FILES.computeIfAbsent(resource, r -> find(BundledFontFiles.class.getClassLoader(), r));
  }

  /** The bytes of {@code resource}: its plain file's, else the resource's. */
  static byte[] read(String resource) throws IOException {
    Optional<Path> file = plainFile(resource);
    if (file.isPresent()) {
      return Files.readAllBytes(file.get());
    }
    URL url = resource(BundledFontFiles.class.getClassLoader(), resource);
    URLConnection connection = url.openConnection();
    long size = connection.getContentLengthLong();
    try (InputStream in = connection.getInputStream()) {
      if (size < 0 || size > Integer.MAX_VALUE - 8) {
        return in.readAllBytes();
      }
      byte[] bytes = new byte[(int) size];
      if (in.readNBytes(bytes, 0, bytes.length) != size || in.read() >= 0) {
        throw new IOException("font " + resource + " is not " + size + " bytes long");
      }
      return bytes;
    }
  }

  private static URL resource(ClassLoader loader, String resource) throws IOException {
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new IOException("no font " + resource + " on the classpath");
    }
    return url;
  }

  /** The plain file of {@code resource} of {@code loader}, looked for (not cached). */
  static Optional<Path> find(ClassLoader loader, String resource) {
    try {
      URL url = resource(loader, resource);
      if ("file".equals(url.getProtocol())) {
        return Optional.of(Path.of(url.toURI()));
      }
      if (!(url.openConnection() instanceof JarURLConnection jar)
          || !"file".equals(jar.getJarFileURL().getProtocol())) {
        return Optional.empty();
      }
      JarEntry entry = jar.getJarEntry();
      Path beside = Path.of(jar.getJarFileURL().toURI()).resolveSibling(resource);
      if (entry == null
          || !Files.isRegularFile(beside)
          || Files.size(beside) != entry.getSize()
          || crc32(beside) != entry.getCrc()) {
        return Optional.empty();
      }
      return Optional.of(beside);
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static long crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] chunk = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(chunk)) > 0; ) {
        crc.update(chunk, 0, n);
      }
    }
    return crc.getValue();
  }
}
