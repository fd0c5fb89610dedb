package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;

/** A manifest is read as the tool wrote it, or named as damaged; listed files are streamed. */
class ManifestCheckTest {

  @TempDir Path tmp;

  private Path edition(String pdf) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("500119/2023-annual/edition-1"));
    Files.writeString(folder.resolve("a.pdf"), pdf);
    String sha = InputSet.hex(InputSet.sha256().digest(pdf.getBytes(StandardCharsets.UTF_8)));
    Files.write(
        folder.resolve(Manifest.FILE),
        Manifest.write(
            Map.of("tool", "南川"),
            List.of(),
            List.of(new Manifest.Entry("a.pdf", sha, pdf.length()))));
    return folder.resolve(Manifest.FILE);
  }

  @Test
  void shouldFindNothingWrongWithAnUntouchedEditionAndAChangedFile() throws Exception {
    Path manifest = edition("pdf");

    assertThat(ManifestCheck.check(manifest)).isEmpty();
    Files.writeString(manifest.resolveSibling("a.pdf"), "PDF");
    assertThat(ManifestCheck.check(manifest)).containsExactly("文件已被改动 a.pdf");
  }

  @Test
  void shouldNameAManifestThatIsNotUtf8() throws Exception {
    Path manifest = edition("pdf");
    Files.write(manifest, Files.readString(manifest).getBytes(Charset.forName("GB18030")));

    assertThatThrownBy(() -> ManifestCheck.check(manifest))
        .isInstanceOfSatisfying(
            ManifestCheck.DamagedManifest.class,
            d -> assertThat(d.damage()).isEqualTo(ManifestCheck.Damage.NOT_UTF8));
  }

  @Test
  void shouldNameATruncatedManifest() throws Exception {
    Path manifest = edition("pdf");
    byte[] whole = Files.readAllBytes(manifest);
    Files.write(manifest, java.util.Arrays.copyOf(whole, whole.length - 10));

    assertThatThrownBy(() -> ManifestCheck.check(manifest))
        .isInstanceOfSatisfying(
            ManifestCheck.DamagedManifest.class,
            d -> assertThat(d.damage()).isEqualTo(ManifestCheck.Damage.TRUNCATED));
  }

  @Test
  void shouldNameAManifestThatIsNotJsonWithWhere() throws Exception {
    Path manifest = edition("pdf");
    Files.writeString(manifest, "{\n  \"outputs\": [ oops ]\n}\n");

    assertThatThrownBy(() -> ManifestCheck.check(manifest))
        .isInstanceOfSatisfying(
            ManifestCheck.DamagedManifest.class,
            d -> {
              assertThat(d.damage()).isEqualTo(ManifestCheck.Damage.NOT_JSON);
              assertThat(d.line()).isEqualTo(2);
            });
  }

  @Test
  void shouldRefuseToReadAManifestFarLargerThanAnyTheToolWrites() throws Exception {
    Path manifest = edition("pdf");
    try (var f = new java.io.RandomAccessFile(manifest.toFile(), "rw")) {
      f.setLength(ManifestCheck.MAX_MANIFEST_BYTES + 1);
    }

    assertThatThrownBy(() -> ManifestCheck.check(manifest))
        .isInstanceOfSatisfying(
            ManifestCheck.DamagedManifest.class,
            d -> assertThat(d.damage()).isEqualTo(ManifestCheck.Damage.TOO_LARGE));
  }
}
