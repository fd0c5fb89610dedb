package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.publication.ContentDigest;

class FileDigestsTest {

  @TempDir Path tmp;

  static final String EMPTY_SHA =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void shouldGiveEachFilesOwnDigestWhetherWrittenHereMovedOrChangedSince() throws Exception {
    FileDigests digests = new FileDigests();
    Path a = tmp.resolve("a.pdf");
    byte[] bytes = "the rendered bytes".getBytes(StandardCharsets.UTF_8);
    digests.write(a, bytes);
    assertThat(digests.sha(a)).isEqualTo(FileDigests.sha(bytes));

    Path moved = Files.move(a, tmp.resolve("moved.pdf"));
    assertThat(digests.sha(moved)).as("renamed: the same file").isEqualTo(FileDigests.sha(bytes));

    byte[] other = "THE RENDERED BYTES".getBytes(StandardCharsets.UTF_8);
    Files.write(moved, other);
    Files.setLastModifiedTime(moved, FileTime.fromMillis(1_000_000));
    assertThat(digests.sha(moved)).as("rewritten since").isEqualTo(FileDigests.sha(other));

    Path elsewhere = Files.writeString(tmp.resolve("b.csv"), "");
    assertThat(digests.sha(elsewhere)).as("never seen: read and hashed").isEqualTo(EMPTY_SHA);
  }

  @Test
  void shouldDigestAPublicationsContentAsAFolderReadAfresh() throws Exception {
    FileDigests digests = new FileDigests();
    Path dir = Files.createDirectories(tmp.resolve("pub"));
    digests.write(dir.resolve("x.pdf"), new byte[] {1, 2, 3});
    digests.write(dir.resolve("table1.csv"), new byte[] {4});
    Files.writeString(dir.resolve("validation-report.txt"), "not part of it");
    String digest = digests.contentDigest(dir);

    assertThat(digest).isEqualTo(ContentDigest.ofFolder(dir));
    Files.writeString(dir.resolve("validation-report.txt"), "changed");
    assertThat(ContentDigest.ofFolder(dir)).isEqualTo(digest);
    Files.write(dir.resolve("table1.csv"), new byte[] {5, 6});
    assertThat(digests.contentDigest(dir)).isNotEqualTo(digest);
  }
}
