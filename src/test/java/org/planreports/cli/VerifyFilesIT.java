package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.publication.Manifest;

/**
 * {@code verify} through the packaged jar (512 MB heap): an output reached through a link, a listed
 * file far larger than the heap, and damaged manifests, each named while the others are checked.
 */
class VerifyFilesIT {

  @TempDir Path tmp;

  @Test
  void shouldFollowALinkedOutputStreamHugeFilesAndNameEachDamagedManifest() throws Exception {
    Path out = tmp.resolve("out");
    Path state = tmp.resolve("state");
    Jar.Result run =
        Jar.run(
            tmp,
            List.of(
                "run",
                "--input",
                Path.of("input").toAbsolutePath().toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString(),
                "--year",
                "2023"));
    assertThat(run.exit()).as(run.all()).isZero();
    Path linked = Files.createSymbolicLink(tmp.resolve("linked"), out);

    Jar.Result clean = verify(linked, state);

    assertThat(clean.exit()).as(clean.all()).isZero();
    assertThat(clean.out()).contains("一致  ", "不一致 0 个", "缺失 0 个").doesNotContain("缺失  ", "不一致  ");

    List<Path> editions =
        Files.walk(out, 3)
            .filter(p -> p.getFileName().toString().startsWith("edition-"))
            .sorted()
            .toList();
    assertThat(editions).hasSizeGreaterThanOrEqualTo(3);
    Path notUtf8 = editions.get(0).resolve(Manifest.FILE);
    Path truncated = editions.get(1).resolve(Manifest.FILE);
    Path listsHuge = editions.get(2).resolve(Manifest.FILE);
    Files.write(
        notUtf8,
        Files.readString(notUtf8, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030")));
    byte[] whole = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    // A sparse 3 GB file, listed: six times the heap, a few blocks on disk.
    try (RandomAccessFile f =
        new RandomAccessFile(listsHuge.resolveSibling("huge.bin").toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    String json = Files.readString(listsHuge, StandardCharsets.UTF_8);
    Files.writeString(
        listsHuge,
        json.replace(
            "\"outputs\": [\n",
            "\"outputs\": [\n    {\"file\": \"huge.bin\", \"sha256\": \""
                + "0".repeat(64)
                + "\", \"bytes\": 3221225472},\n"),
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
  }

  private Jar.Result verify(Path output, Path state) throws Exception {
    return Jar.run(
        tmp, List.of("verify", "--output", output.toString(), "--state", state.toString()));
  }
}
