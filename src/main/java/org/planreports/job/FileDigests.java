package org.planreports.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.planreports.ingest.InputSet;
import org.planreports.publication.ContentDigest;
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
   * The digest that decides whether a publication changed ({@link ContentDigest}), from the digests
   * known here.
   */
  String contentDigest(Path dir) throws IOException {
    return ContentDigest.of(dir, this::sha);
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
