package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFontFilesTest {

  @TempDir Path tmp;

  static final String FONT = "fonts/Face.otf";

  private Path jarWithFont(String content) throws IOException {
    Path jar = tmp.resolve("lib.jar");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
      z.putNextEntry(new ZipEntry(FONT));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return jar;
  }

  private static java.util.Optional<Path> find(Path jar) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      return BundledFontFiles.find(loader, FONT);
    }
  }

  @Test
  void shouldReadAFontFromItsPlainFileBesideTheJarOnlyWhenItHoldsTheSameBytes() throws Exception {
    Path jar = jarWithFont("the font's bytes");
    assertThat(find(jar)).as("nothing beside the jar").isEmpty();

    Path beside = Files.createDirectories(tmp.resolve("fonts")).resolve("Face.otf");
    Files.writeString(beside, "the font's bytes");
    assertThat(find(jar)).contains(beside);

    Files.writeString(beside, "the font's BYTES");
    assertThat(find(jar)).as("same size, other bytes").isEmpty();

    Files.writeString(beside, "the font's bytes, longer");
    assertThat(find(jar)).as("other size").isEmpty();
  }

  @Test
  void shouldTakeAResourceThatIsAFileAsItIs() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("classes/fonts"));
    Files.writeString(dir.resolve("Face.otf"), "plain");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {tmp.resolve("classes").toUri().toURL()}, null)) {
      assertThat(BundledFontFiles.find(loader, FONT)).contains(dir.resolve("Face.otf"));
      assertThat(BundledFontFiles.find(loader, "fonts/Missing.otf")).isEmpty();
    }
  }

  @Test
  void shouldReadTheBundledFacesWithTheirExactBytes() throws Exception {
    for (String face :
        List.of(
            "fonts/NotoSerifCJKsc-Regular.otf",
            "fonts/NotoSansCJKsc-Regular.otf",
            "fonts/NotoSansCJKsc-Bold.otf")) {
      byte[] bytes = BundledFontFiles.read(face);
      try (var in = getClass().getClassLoader().getResourceAsStream(face)) {
        assertThat(bytes).as(face).isNotEmpty().isEqualTo(in.readAllBytes());
      }
    }
  }
}
