package org.planreports.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.planreports.core.Causes;
import org.planreports.core.Finding;
import org.planreports.core.Messages;

/**
 * The office's commentary files: {@code commentary/} beside the extracts, one {@code .md} file per
 * publication named by its folder name ({@code 2023-midterm.md}). Read as the extracts are (UTF-8
 * with or without a byte order mark, else GB18030/GBK); a symbolic link is not followed.
 */
public final class CommentaryFiles {

  /** The folder, inside the input folder. */
  public static final String FOLDER = "commentary";

  /** The extension of a commentary file. */
  public static final String EXTENSION = ".md";

  /** The largest commentary file read, in bytes. */
  public static final long MAX_BYTES = 512 * 1024;

  private static final Messages WORDS = Messages.bundle("commentary");

  private CommentaryFiles() {}

  /**
   * The commentary files of an input folder, in name order (empty when it has no {@code
   * commentary/} folder). A linked folder or file is listed too, so that it changes the input set
   * and is refused when read.
   */
  public static List<Path> list(Path input) {
    List<Path> out = new java.util.ArrayList<>(in(input.resolve(FOLDER)));
    for (Path region : regions(input)) {
      out.addAll(in(region));
    }
    out.sort(null);
    return out;
  }

  /** The files of one folder: {@code commentary/} or a district's {@code commentary/{region}/}. */
  public static List<Path> in(Path folder) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(EXTENSION))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The districts' folders of a city's input ({@code commentary/{region}/}), in name order. */
  static List<Path> regions(Path input) {
    Path folder = input.resolve(FOLDER);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(folder)) {
      return dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The folder a district's commentary is read from: {@code commentary/{region}/} where the input
   * has it (a city's input, shared by its districts), else {@code commentary/}.
   */
  public static Path folder(Path input, String region) {
    Path own = input.resolve(FOLDER).resolve(region);
    return Files.isDirectory(own, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(own)
        ? own
        : input.resolve(FOLDER);
  }

  /**
   * Adds the commentary files to the digest of an input set (name and SHA-256 of each; a link by
   * its name only), so that a run whose only change is its commentary is a new run.
   */
  public static void digestInto(Path input, java.security.MessageDigest all) {
    for (Path p : list(input)) {
      String sha;
      if (Files.isSymbolicLink(p)) {
        sha = "link";
      } else {
        try {
          sha = InputSet.sha256Hex(p);
        } catch (IOException e) {
          sha = "unreadable";
        }
      }
      all.update(
          (input.relativize(p).toString().replace('\\', '/') + "\n" + sha + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The publication a commentary file is for: its name without {@code .md}. */
  public static String publication(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - EXTENSION.length());
  }

  /**
   * The commentary of a district's publication ({@code folderName}: {@code 2023-midterm}) from
   * {@link #folder}, or empty when the input has none. A file that cannot be read is a commentary
   * with an error and no sections.
   */
  public static Optional<Commentary> read(Path input, String region, String folderName) {
    Path folder = folder(input, region);
    Path file = folder.resolve(folderName + EXTENSION);
    String label = input.relativize(file).toString().replace('\\', '/');
    if (Files.isSymbolicLink(input.resolve(FOLDER))
        || Files.isSymbolicLink(folder)
        || Files.isSymbolicLink(file)) {
      return Optional.of(
          failed(
              label,
              WORDS.get("commentary.file.link"),
              WORDS.get("commentary.file.link.expected")));
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        return Optional.of(
            failed(
                label,
                WORDS.get("commentary.file.large", "size", size),
                WORDS.get("commentary.file.large.expected", "max", MAX_BYTES)));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.of(
          failed(
              label,
              WORDS.get("commentary.file.unreadable", "cause", Causes.of(e)),
              WORDS.get("commentary.file.unreadable.expected")));
    }
    return Optional.of(parse(label, bytes));
  }

  /** Decodes and parses the bytes of a commentary file. */
  public static Commentary parse(String label, byte[] bytes) {
    Optional<String> wide = EncodingDetector.wideUnicode(bytes);
    if (wide.isPresent()) {
      return failed(
          label,
          WORDS.get("commentary.file.encoding.other", "encoding", wide.get()),
          WORDS.get("commentary.file.encoding.expected"));
    }
    if (EncodingDetector.looksBinary(bytes)) {
      return failed(
          label, WORDS.get("commentary.file.binary"), WORDS.get("commentary.file.binary.expected"));
    }
    Optional<EncodingDetector.Decoded> decoded = EncodingDetector.decode(bytes, null);
    if (decoded.isEmpty()) {
      return failed(
          label,
          WORDS.get("commentary.file.encoding"),
          WORDS.get("commentary.file.encoding.expected"));
    }
    return Commentary.parse(label, decoded.get().text());
  }

  private static Commentary failed(String label, String message, String expected) {
    return new Commentary(
        label,
        List.of(),
        List.of(Finding.error("E_COMMENTARY", label, 0, "", "", message, expected)));
  }
}
