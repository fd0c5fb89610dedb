package org.planreports.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.planreports.ingest.InputSet;

/**
 * The digest that decides whether a publication's files changed: its PDF and companion CSVs, not
 * the validation report or manifest, which also speak of files other publications use.
 */
public final class ContentDigest {

  private ContentDigest() {}

  /** How a file's hex SHA-256 is had: read and hashed, or already known. */
  public interface Hasher {
    String sha(Path file) throws IOException;
  }

  /** The digest of a folder's files, each hashed by {@code hasher}. */
  public static String of(Path dir, Hasher hasher) throws IOException {
    var all = InputSet.sha256();
    for (Path f : files(dir, false)) {
      all.update((f.getFileName() + "\n" + hasher.sha(f) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return InputSet.hex(all.digest());
  }

  /** The digest of a published edition folder, every file read and hashed. */
  public static String ofFolder(Path dir) {
    try {
      return of(dir, InputSet::sha256Hex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of a rendered publication, in order: with or without the validation reports. */
  public static List<Path> files(Path dir, boolean withReports) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(Manifest.FILE))
          .filter(p -> withReports || !p.getFileName().toString().startsWith("validation-report"))
          .sorted()
          .toList();
    }
  }
}
