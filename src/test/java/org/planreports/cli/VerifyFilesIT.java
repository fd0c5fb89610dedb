package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.publication.Manifest;

/**
 * {@code verify}: an output reached through a link, and — through the packaged jar, 512 MB heap — a
 * listed file twice the heap and damaged manifests, each named while the others are checked; a
 * read-only state folder left unchanged. The commands whose point is not the heap run as the jar
 * runs them once started ({@link InProcess}).
 */
class VerifyFilesIT {

  @TempDir static Path tmp;

  static Path out;
  static Path state;

  @BeforeAll
  static void publish() throws Exception {
    out = tmp.resolve("out");
    state = tmp.resolve("state");
    Jar.Result run =
        InProcess.run(
            List.of(
                "run",
                "--publish",
                "--input",
                Path.of("input").toAbsolutePath().toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString(),
                "--year",
                "2023"));
    assertThat(run.exit()).as(run.all()).isZero();
  }

  @Test
  void shouldListAndVerifyFromAReadOnlyStateFolderChangingNothingInIt() throws Exception {
    Map<String, String> before = snapshot(state);
    boolean root = "root".equals(System.getProperty("user.name"));
    setWritable(state, false);
    try {
      Jar.Result history = InProcess.run(List.of("history", "--state", state.toString()));
      Jar.Result verify =
          InProcess.run(List.of("verify", "--output", out.toString(), "--state", state.toString()));

      assertThat(history.exit()).as(history.all()).isZero();
      assertThat(history.out()).contains("运行记录：", "2023-midterm");
      assertThat(history.err()).isEmpty();
      assertThat(verify.exit()).as(verify.all()).isZero();
      assertThat(verify.out()).contains("不一致 0 个", "缺失 0 个");
      assertThat(verify.err()).isEmpty();
    } finally {
      setWritable(state, true);
    }
    // As root the permission does not stop a write: the read-only opening is what is checked then.
    Map<String, String> after = snapshot(state);
    if (root) {
      after.keySet().removeIf(f -> f.startsWith("logs/"));
      before.keySet().removeIf(f -> f.startsWith("logs/"));
    }
    assertThat(after).isEqualTo(before);
  }

  /** Every file below the folder with its size, modification time and SHA-256. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            dir.relativize(f).toString(),
            Files.size(f)
                + " "
                + Files.getLastModifiedTime(f).toMillis()
                + " "
                + InputSet.hex(InputSet.sha256().digest(Files.readAllBytes(f))));
      }
    }
    return files;
  }

  private static void setWritable(Path dir, boolean writable) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        p.toFile().setWritable(writable, false);
      }
    }
  }

  @Test
  void shouldFollowALinkedOutputStreamHugeFilesAndNameEachDamagedManifest() throws Exception {
    Path linked = Files.createSymbolicLink(tmp.resolve("linked"), out);

    Jar.Result clean =
        InProcess.run(
            List.of("verify", "--output", linked.toString(), "--state", state.toString()));

    assertThat(clean.exit()).as(clean.all()).isZero();
    assertThat(clean.out()).contains("一致  ", "不一致 0 个", "缺失 0 个").doesNotContain("缺失  ", "不一致  ");

    List<Path> editions;
    try (Stream<Path> walk = Files.walk(out, 3)) {
      editions =
          walk.filter(p -> p.getFileName().toString().startsWith("edition-")).sorted().toList();
    }
    assertThat(editions).hasSizeGreaterThanOrEqualTo(3);
    Path notUtf8 = editions.get(0).resolve(Manifest.FILE);
    Path truncated = editions.get(1).resolve(Manifest.FILE);
    Path listsHuge = editions.get(2).resolve(Manifest.FILE);
    Path huge = listsHuge.resolveSibling("huge.bin");
    Map<Path, byte[]> published = new java.util.HashMap<>();
    for (Path manifest : List.of(notUtf8, truncated, listsHuge)) {
      published.put(manifest, Files.readAllBytes(manifest));
    }
    try {
      // As an editor saving in Latin-1 (or GB18030) leaves it: a byte that is no UTF-8.
      Files.write(
          notUtf8,
          Files.readString(notUtf8, StandardCharsets.UTF_8)
              .replaceFirst("\"", "\"caf\u00e9 ")
              .getBytes(StandardCharsets.ISO_8859_1));
      byte[] whole = Files.readAllBytes(truncated);
      Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
      // A sparse 1 GB file, listed: twice the heap, a few blocks on disk.
      try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
        f.setLength(1L << 30);
      }
      String json = Files.readString(listsHuge, StandardCharsets.UTF_8);
      Files.writeString(
          listsHuge,
          json.replace(
              "\"outputs\": [\n",
              "\"outputs\": [\n    {\"file\": \"huge.bin\", \"sha256\": \""
                  + "0".repeat(64)
                  + "\", \"bytes\": 1073741824},\n"),
          StandardCharsets.UTF_8);

      Jar.Result damaged = verify(linked, state);

      assertThat(damaged.exit()).as(damaged.all()).isEqualTo(ExitCodes.DIFFERENCES);
      assertThat(damaged.all()).doesNotContain("OutOfMemoryError", "Exception");
      assertThat(damaged.out())
          .contains(
              "manifest.json 已损坏：" + notUtf8.toRealPath() + " 不是 UTF-8 文本",
              "manifest.json 已损坏：" + truncated.toRealPath() + " 不完整",
              "文件已被改动 huge.bin",
              "共检查 " + editions.size() + " 个版本，不一致 3 个");
    } finally {
      // The output as published again, for the tests that run after this one.
      for (Map.Entry<Path, byte[]> manifest : published.entrySet()) {
        Files.write(manifest.getKey(), manifest.getValue());
      }
      Files.deleteIfExists(huge);
      Files.delete(linked);
    }
  }

  /** {@code verify} through the packaged jar, with its 512 MB heap. */
  private static Jar.Result verify(Path output, Path state) throws Exception {
    return Jar.run(
        tmp, List.of("verify", "--output", output.toString(), "--state", state.toString()));
  }
}
