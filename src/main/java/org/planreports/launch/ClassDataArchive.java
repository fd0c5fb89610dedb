package org.planreports.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive of a jar: {@code plan-reports-cds/} beside {@code
 * plan-reports.jar}, holding the jar extracted into plain jars ({@code plan-reports.jar} and {@code
 * lib/}, which CDS can map, unlike jars nested in a jar), the archive {@code plan-reports.jsa} that
 * a training run of the default job dumped, {@code jvm.txt} naming the JVM that dumped it, and the
 * jar's fonts as plain files in {@code fonts/}.
 *
 * <p>The build makes it at package time ({@link #main}); {@link Launcher} uses it only when it is
 * newer than the jar and was dumped by the JVM that is running, so a rebuilt jar or another Java
 * never meets a stale archive.
 */
record ClassDataArchive(Path directory) {

  static final String ARCHIVE = "plan-reports.jsa";
  static final String JVM_STAMP = "jvm.txt";

  Path jar() {
    return directory.resolve("plan-reports.jar");
  }

  Path archive() {
    return directory.resolve(ARCHIVE);
  }

  /** The options that map the archive; a JVM that cannot use it runs on without, silently. */
  List<String> jvmOptions() {
    return List.of(
        "-XX:SharedArchiveFile=" + archive(),
        "-Xshare:auto",
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off");
  }

  static Path directoryBeside(Path jar) {
    String name = jar.getFileName().toString();
    String stem = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    return jar.toAbsolutePath().resolveSibling(stem + "-cds");
  }

  /** The archive beside {@code jar}, if it is complete, up to date and this JVM's. */
  static Optional<ClassDataArchive> beside(Path jar) {
    ClassDataArchive cds = new ClassDataArchive(directoryBeside(jar));
    try {
      if (!Files.isRegularFile(cds.archive())
          || !Files.isRegularFile(cds.jar())
          || !(jvmStamp() + fingerprint(jar))
              .equals(Files.readString(cds.directory.resolve(JVM_STAMP)))) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(cds);
  }

  /**
   * The jar's size and a digest of its zip central directory, which holds every entry's CRC: a
   * rebuilt jar with other content never matches, even with the fixed timestamps of a reproducible
   * build, and reading a few hundred kilobytes costs milliseconds.
   */
  static String fingerprint(Path jar) throws IOException {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(jar.toFile(), "r")) {
      long size = f.length();
      int tail = (int) Math.min(size, 65_557);
      byte[] end = new byte[tail];
      f.seek(size - tail);
      f.readFully(end);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(end).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (int i = tail - 22; i >= 0; i--) {
        if (b.getInt(i) == 0x06054b50) {
          long cdSize = Integer.toUnsignedLong(b.getInt(i + 12));
          long cdOffset = Integer.toUnsignedLong(b.getInt(i + 16));
          java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
          byte[] chunk = new byte[65_536];
          f.seek(cdOffset);
          for (long left = Math.min(cdSize, size - cdOffset); left > 0; ) {
            int n = f.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
              break;
            }
            sha.update(chunk, 0, n);
            left -= n;
          }
          return "jar " + size + " " + java.util.HexFormat.of().formatHex(sha.digest()) + "\n";
        }
      }
      return "jar " + size + " unreadable\n";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String jvmStamp() {
    return System.getProperty("java.home")
        + "\n"
        + System.getProperty("java.vm.version")
        + "\n"
        + System.getProperty("java.vm.vendor")
        + "\n";
  }

  /**
   * Build step: extracts {@code args[0]} (the packaged jar) beside itself and trains the archive
   * with a default run on the bundled input {@code args[1]} in a scratch folder {@code args[2]}.
   * Everything is made under a temporary name and renamed at the end: the JVM refuses (or worse) an
   * archive cut short.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path input = Path.of(args[1]).toAbsolutePath();
    Path scratch = Path.of(args[2]).toAbsolutePath();
    Path target = directoryBeside(jar);
    deleteTree(scratch);
    deleteTree(target);
    Path building = target;
    Path dumping = building.resolve(ARCHIVE + ".part");
    Files.createDirectories(scratch);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    exec(
        scratch.resolve("extract.log"),
        java,
        "-Djarmode=tools",
        "-jar",
        jar.toString(),
        "extract",
        "--destination",
        building.toString());
    Path extracted = building.resolve("plan-reports.jar");
    if (!jar.getFileName().toString().equals("plan-reports.jar")) {
      Files.move(building.resolve(jar.getFileName()), extracted);
    }
    copyFonts(extracted, building);
    List<String> training = new ArrayList<>(List.of(java));
    training.addAll(Launcher.JVM_FLAGS);
    training.addAll(Launcher.HEAP_FLAGS);
    training.addAll(
        List.of(
            "-XX:ArchiveClassesAtExit=" + dumping,
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-D" + Launcher.RELAUNCH + "=false",
            "-jar",
            extracted.toString(),
            "run",
            "--input",
            input.toString(),
            "--output",
            scratch.resolve("output").toString(),
            "--state",
            scratch.resolve("state").toString()));
    exec(scratch.resolve("training.log"), training.toArray(String[]::new));
    if (!Files.isRegularFile(dumping)) {
      throw new IllegalStateException("the training run wrote no archive; see " + scratch);
    }
    Files.move(dumping, building.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(
        building.resolve(JVM_STAMP), jvmStamp() + fingerprint(jar), StandardCharsets.UTF_8);
    deleteTree(scratch);
    System.out.println("class-data archive: " + target);
  }

  /**
   * The font files of the extracted jar, also as plain files in {@code fonts/} beside it, where the
   * tool reads them instead of inflating them from the jar ({@code
   * org.planreports.report.BundledFontFiles}, which checks each against the jar's entry).
   */
  static void copyFonts(Path jar, Path directory) throws IOException {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      for (java.util.jar.JarEntry entry : java.util.Collections.list(file.entries())) {
        String name = entry.getName();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!entry.isDirectory()
            && name.startsWith("fonts/")
            && (lower.endsWith(".otf") || lower.endsWith(".ttf"))) {
          Path to = directory.resolve(name).normalize();
          if (!to.startsWith(directory)) {
            throw new IOException("font entry outside the folder: " + name);
          }
          Files.createDirectories(to.getParent());
          try (java.io.InputStream in = file.getInputStream(entry)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static void exec(Path log, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
