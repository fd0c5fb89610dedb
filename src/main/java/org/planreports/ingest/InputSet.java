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
 * The extracts of an input folder: every {@code *.csv} and {@code *.xlsx} directly in it, in name
 * order. Its digest identifies a run: the same files give the same Spring Batch job instance, so a
 * killed run is resumed by running the same command again. {@code others} are the folder's other
 * files, each named in a finding (never silently skipped, docs/input.md): not extracts, not in the
 * digest. Subfolders (commentary/) are not files of the set.
 */
public record InputSet(Path folder, List<InputFile> files, String digest, List<InputFile> others) {

  public InputSet {
    files = List.copyOf(files);
    others = List.copyOf(others);
  }

  /** What a file of the input folder is, by its name. */
  public enum Kind {
    CSV,
    WORKBOOK,
    /** A spreadsheet the tool cannot read (.xls, .xlsm, .xlsb, .et, .ods): an error. */
    SPREADSHEET,
    /** {@code ~$name.xlsx}: the owner file of a workbook open in Excel or WPS. */
    LOCK,
    OTHER,
    /** A hidden file (.DS_Store) or the folder's README: said nothing about. */
    IGNORED
  }

  public static Kind kind(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    int dot = n.lastIndexOf('.');
    String ext = dot < 0 ? "" : n.substring(dot + 1);
    if (n.startsWith("~$")) {
      return Kind.LOCK;
    }
    if (n.startsWith(".")) {
      // Hidden: .DS_Store, and the ._2023.csv resource forks a Mac leaves on a shared drive.
      return Kind.IGNORED;
    }
    return switch (ext) {
      case "csv" -> Kind.CSV;
      case "xlsx" -> Kind.WORKBOOK;
      case "xls", "xlsm", "xlsb", "xltx", "xltm", "et", "ods" -> Kind.SPREADSHEET;
      default -> n.startsWith("readme") ? Kind.IGNORED : Kind.OTHER;
    };
  }

  public static InputSet scan(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          Messages.bundle("input").get("input.folder.missing", "folder", folder));
    }
    try (Stream<Path> list = Files.list(folder)) {
      List<Path> regular = list.filter(Files::isRegularFile).sorted().toList();
      List<Path> extracts =
          regular.stream()
              .filter(
                  p ->
                      kind(p.getFileName().toString()) == Kind.CSV
                          || kind(p.getFileName().toString()) == Kind.WORKBOOK)
              .toList();
      List<InputFile> others =
          regular.stream()
              .filter(p -> !extracts.contains(p))
              .filter(p -> kind(p.getFileName().toString()) != Kind.IGNORED)
              .map(p -> new InputFile(p.getFileName().toString(), p, "", 0))
              .toList();
      MessageDigest all = sha256();
      List<InputFile> files =
          extracts.stream()
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
      return new InputSet(folder, files, hex(all.digest()), others);
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
