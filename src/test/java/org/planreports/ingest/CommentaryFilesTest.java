package org.planreports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.core.Finding;

/** Where a district's commentary is read from, what a link gets, and the input set's digest. */
class CommentaryFilesTest {

  @TempDir Path input;

  private Path write(String path, String text) throws IOException {
    Path file = input.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void noFolderNoCommentary() {
    assertThat(CommentaryFiles.read(input, "500119", "2023-midterm")).isEmpty();
    assertThat(CommentaryFiles.list(input)).isEmpty();
  }

  @Test
  void aSingleDistrictReadsCommentaryAndACityEachDistrictsOwnFolder() throws IOException {
    write("commentary/2023-midterm.md", "# 前言\n全区\n");
    write("commentary/500101/2023-midterm.md", "# 前言\n万州\n");
    Optional<Commentary> own = CommentaryFiles.read(input, "500101", "2023-midterm");
    assertThat(own.orElseThrow().file()).isEqualTo("commentary/500101/2023-midterm.md");
    assertThat(own.get().sections().get(0).blocks().get(0).text()).isEqualTo("万州");
    Optional<Commentary> shared = CommentaryFiles.read(input, "500119", "2023-midterm");
    assertThat(shared.orElseThrow().file()).isEqualTo("commentary/2023-midterm.md");
    assertThat(CommentaryFiles.read(input, "500101", "2022-annual")).isEmpty();
    assertThat(CommentaryFiles.list(input)).hasSize(2);
  }

  @Test
  void aLinkIsNotFollowed() throws IOException {
    Path secret = Files.writeString(input.resolveSibling(input.getFileName() + "-secret.md"), "x");
    Files.createDirectories(input.resolve("commentary"));
    Files.createSymbolicLink(input.resolve("commentary/2023-midterm.md"), secret);
    Commentary c = CommentaryFiles.read(input, "500119", "2023-midterm").orElseThrow();
    assertThat(c.sections()).isEmpty();
    assertThat(c.findings()).singleElement().satisfies(f -> assertThat(f.isError()).isTrue());
    assertThat(c.findings()).extracting(Finding::message).first().asString().contains("符号链接");
    Files.delete(secret);
  }

  @Test
  void everyCommentaryFileJoinsTheInputSetDigest() throws IOException {
    write("a.csv", "region_code,year,item_code,value,unit,source,status,note\n");
    String none = InputSet.scan(input).digest();
    Path file = write("commentary/500101/2023-midterm.md", "# 前言\n甲\n");
    String one = InputSet.scan(input).digest();
    Files.writeString(file, "# 前言\n乙\n", StandardCharsets.UTF_8);
    String changed = InputSet.scan(input).digest();
    assertThat(one).isNotEqualTo(none).isNotEqualTo(changed);
    Files.writeString(file, "# 前言\n甲\n", StandardCharsets.UTF_8);
    assertThat(InputSet.scan(input).digest()).isEqualTo(one);
    assertThat(InputSet.scan(input).files()).hasSize(1);
  }
}
