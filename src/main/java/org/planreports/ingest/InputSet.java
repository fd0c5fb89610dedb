package org.planreports.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.planreports.core.Messages;

/**
 * The extracts of an input folder: every {@code *.csv} directly in it, in name order. Its digest
 * identifies a run: the same files give the same Spring Batch job instance, so a killed run is
 * resumed by running the same command again.
 */
public record InputSet(Path folder, List<InputFile> files, String digest) {

  public InputSet {
    files = List.copyOf(files);
  }

  public static InputSet scan(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          Messages.bundle("input").get("input.folder.missing", "folder", folder));
    }
    try (Stream<Path> list = Files.list(folder)) {
      List<Path> csvs =
          list.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
      MessageDigest all = sha256();
      List<InputFile> files =
          csvs.stream()
              .map(
                  p -> {
                    MessageDigest sha = sha256();
                    long size = hash(p, sha);
                    return new InputFile(p.getFileName().toString(), p, hex(sha.digest()), size);
                  })
              .toList();
      for (InputFile f : files) {
        all.update(
            (f.name() + "\n" + f.sha256() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      CommentaryFiles.digestInto(folder, all);
      return new InputSet(folder, files, hex(all.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams the file through the digest (never held whole); returns its size. */
  private static long hash(Path p, MessageDigest sha) {
    try (var in = new java.security.DigestInputStream(Files.newInputStream(p), sha)) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The hex SHA-256 of a file of any size, streamed through the digest rather than held whole. */
  public static String sha256Hex(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (var in = new java.security.DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return hex(sha.digest());
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
