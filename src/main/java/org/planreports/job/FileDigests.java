package org.planreports.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.planreports.ingest.InputSet;
import org.planreports.publication.Manifest;
import org.springframework.stereotype.Component;

/**
 * The SHA-256 digests of the files the render step writes, which the publish step needs twice
 * (whether a publication changed, and its manifest): each file is hashed once, as it is written (a
 * PDF's digest comes with it from the renderer, made in the pass that makes its file ID), not read
 * back and hashed again on the job's thread.
 *
 * <p>A digest is known for a file as long as it is the same file (device and inode, which a rename
 * keeps) with the same size and modification time; any other file is read and hashed, and then
 * known. A resumed run, in another process, hashes what an earlier one wrote.
 */
@Component
class FileDigests {

  private record Key(Object file, long size, FileTime modified) {}

  private final Map<Key, String> known = new ConcurrentHashMap<>();

  /** Writes {@code bytes} into {@code file} and keeps their digest. */
  void write(Path file, byte[] bytes) throws IOException {
    write(file, bytes, sha(bytes));
  }

  /** Writes {@code bytes} into {@code file}, whose hex SHA-256 the caller already knows. */
  void write(Path file, byte[] bytes, String sha256) throws IOException {
    Files.write(file, bytes);
    key(file).ifPresent(k -> known.put(k, sha256));
  }

  /** The hex SHA-256 of {@code file}'s bytes. */
  String sha(Path file) throws IOException {
    Optional<Key> key = key(file);
    String sha = key.map(known::get).orElse(null);
    if (sha == null) {
      sha = InputSet.sha256Hex(file);
      String computed = sha;
      key.ifPresent(k -> known.put(k, computed));
    }
    return sha;
  }

  /**
   * The digest that decides whether a publication changed: its PDF and companion CSVs, not the
   * validation report or manifest, which also speak of files other publications use.
   */
  String contentDigest(Path dir) throws IOException {
    return contentDigest(dir, this::sha);
  }

  /** {@link #contentDigest} of a folder no run of this JVM wrote: every file read and hashed. */
  static String contentDigestOfFiles(Path dir) throws IOException {
    return contentDigest(dir, InputSet::sha256Hex);
  }

  private interface Hasher {
    String sha(Path file) throws IOException;
  }

  private static String contentDigest(Path dir, Hasher hasher) throws IOException {
    var all = InputSet.sha256();
    for (Path f : files(dir, false)) {
      all.update((f.getFileName() + "\n" + hasher.sha(f) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return InputSet.hex(all.digest());
  }

  /** The files of a rendered publication, in order: with or without the validation reports. */
  static List<Path> files(Path dir, boolean withReports) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(Manifest.FILE))
          .filter(p -> withReports || !p.getFileName().toString().startsWith("validation-report"))
          .sorted()
          .toList();
    }
  }

  static String sha(byte[] bytes) {
    return InputSet.hex(InputSet.sha256().digest(bytes));
  }

  private static Optional<Key> key(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.fileKey() == null
        ? Optional.empty()
        : Optional.of(new Key(a.fileKey(), a.size(), a.lastModifiedTime()));
  }
}
