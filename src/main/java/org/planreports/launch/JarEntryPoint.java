package org.planreports.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step, after Spring Boot's repackage: makes {@link Launcher} the jar's {@code Main-Class},
 * with the classes of this package copied to the jar's root, so that {@code java -jar
 * plan-reports.jar} starts the second JVM without first opening the jar's nested jars through the
 * Spring Boot loader (about 0.15 s and 0.2 CPU-seconds of every run). The loader stays the way in
 * when the tool runs in the JVM the operator started; the {@code Start-Class} is unchanged.
 *
 * <p>Every other entry is copied as it is, in its order, stored entries (the nested jars) stored,
 * with the time it had; the added entries take the manifest's time, so a reproducible build stays
 * reproducible. Run twice, it gives the same jar.
 */
public final class JarEntryPoint {

  /** Where this package's classes lie in a jar and in the classes folder. */
  static final String PACKAGE = Launcher.class.getPackageName().replace('.', '/') + "/";

  private JarEntryPoint() {}

  /** {@code args[0]}: the repackaged jar, rewritten in place; {@code args[1]}: the classes. */
  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path classes = Path.of(args[1]).toAbsolutePath();
    Path part = jar.resolveSibling(jar.getFileName() + ".part");
    try (ZipFile in = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(part);
        ZipOutputStream out = new ZipOutputStream(file)) {
      rewrite(in, rootClasses(classes), out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("jar entry point: " + Launcher.class.getName() + " in " + jar);
  }

  /** The class files of this package in {@code classes}, by name. */
  static List<Path> rootClasses(Path classes) throws IOException {
    Path dir = classes.resolve(PACKAGE);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all =
          new ArrayList<>(files.filter(p -> p.toString().endsWith(".class")).sorted().toList());
      if (all.stream().noneMatch(p -> p.getFileName().toString().equals("Launcher.class"))) {
        throw new IOException("no Launcher.class in " + dir);
      }
      return all;
    }
  }

  static void rewrite(ZipFile in, List<Path> rootClasses, ZipOutputStream out) throws IOException {
    ZipEntry manifestEntry = in.getEntry(JarFile.MANIFEST_NAME);
    if (manifestEntry == null) {
      throw new IOException(in.getName() + " has no manifest");
    }
    List<String> added = new ArrayList<>();
    for (Path c : rootClasses) {
      added.add(PACKAGE + c.getFileName());
    }
    for (ZipEntry entry : Collections.list(in.entries())) {
      String name = entry.getName();
      if (added.contains(name) || name.equals("org/planreports/") || name.equals(PACKAGE)) {
        continue; // added again below: the jar was rewritten before
      }
      if (name.equals(JarFile.MANIFEST_NAME)) {
        copy(entry, manifest(in, entry), out);
        // the root classes right after the manifest, with their folders
        long time = entry.getTime();
        folder("org/planreports/", time, out);
        folder(PACKAGE, time, out);
        for (Path c : rootClasses) {
          ZipEntry e = new ZipEntry(PACKAGE + c.getFileName());
          e.setTime(time);
          out.putNextEntry(e);
          out.write(Files.readAllBytes(c));
          out.closeEntry();
        }
      } else {
        try (InputStream data = in.getInputStream(entry)) {
          copy(entry, data.readAllBytes(), out);
        }
      }
    }
  }

  /** The manifest with {@link Launcher} as {@code Main-Class}; {@code Start-Class} must be set. */
  private static byte[] manifest(ZipFile in, ZipEntry entry) throws IOException {
    Manifest manifest;
    try (InputStream data = in.getInputStream(entry)) {
      manifest = new Manifest(data);
    }
    Attributes main = manifest.getMainAttributes();
    if (main.getValue("Start-Class") == null) {
      throw new IOException(in.getName() + " is not a Spring Boot jar: no Start-Class");
    }
    main.put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    manifest.write(bytes);
    return bytes.toByteArray();
  }

  private static void folder(String name, long time, ZipOutputStream out) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(time);
    out.putNextEntry(e);
    out.closeEntry();
  }

  private static void copy(ZipEntry from, byte[] data, ZipOutputStream out) throws IOException {
    ZipEntry e = new ZipEntry(from.getName());
    e.setTime(from.getTime());
    if (from.getComment() != null) {
      e.setComment(from.getComment());
    }
    if (from.getMethod() == ZipEntry.STORED) {
      e.setMethod(ZipEntry.STORED);
      e.setSize(data.length);
      e.setCompressedSize(data.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(data);
      e.setCrc(crc.getValue());
    }
    out.putNextEntry(e);
    out.write(data);
    out.closeEntry();
  }
}
