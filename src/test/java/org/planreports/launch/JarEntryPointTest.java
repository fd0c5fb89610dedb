package org.planreports.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarEntryPointTest {

  @TempDir Path tmp;

  static final long TIME = 1_767_225_600_000L; // 2026-01-01

  private Path bootJar(String manifest) throws IOException {
    Path jar = tmp.resolve("app.jar");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(z, "META-INF/", new byte[0], false);
      put(z, JarFile.MANIFEST_NAME, manifest.getBytes(StandardCharsets.UTF_8), false);
      put(z, "BOOT-INF/lib/nested.jar", "nested jar bytes".getBytes(StandardCharsets.UTF_8), true);
      put(z, "BOOT-INF/classes/a.txt", "x".repeat(500).getBytes(StandardCharsets.UTF_8), false);
    }
    return jar;
  }

  private static void put(ZipOutputStream z, String name, byte[] data, boolean stored)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(TIME);
    if (stored) {
      CRC32 crc = new CRC32();
      crc.update(data);
      e.setMethod(ZipEntry.STORED);
      e.setSize(data.length);
      e.setCrc(crc.getValue());
    }
    z.putNextEntry(e);
    z.write(data);
    z.closeEntry();
  }

  private static Path classes(Path root) throws IOException {
    Path dir = Files.createDirectories(root.resolve(JarEntryPoint.PACKAGE));
    Files.writeString(dir.resolve("Launcher.class"), "launcher");
    Files.writeString(dir.resolve("Other.class"), "other");
    Files.writeString(dir.resolve("notes.txt"), "not a class");
    return root;
  }

  @Test
  void shouldMakeTheLauncherTheMainClassAndKeepEveryEntryAsItWas() throws IOException {
    Path jar =
        bootJar(
            "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher"
                + "\r\nStart-Class: org.planreports.PlanReportsApplication\r\n\r\n");
    Path classes = classes(tmp.resolve("classes"));

    JarEntryPoint.main(new String[] {jar.toString(), classes.toString()});
    byte[] once = Files.readAllBytes(jar);
    JarEntryPoint.main(new String[] {jar.toString(), classes.toString()});

    assertThat(Files.readAllBytes(jar)).as("run twice, the same jar").isEqualTo(once);
    try (JarFile f = new JarFile(jar.toFile())) {
      assertThat(f.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(Launcher.class.getName());
      assertThat(f.getManifest().getMainAttributes().getValue("Start-Class"))
          .isEqualTo("org.planreports.PlanReportsApplication");
      List<String> names = Collections.list(f.entries()).stream().map(ZipEntry::getName).toList();
      assertThat(names)
          .containsExactly(
              "META-INF/",
              JarFile.MANIFEST_NAME,
              "org/planreports/",
              JarEntryPoint.PACKAGE,
              JarEntryPoint.PACKAGE + "Launcher.class",
              JarEntryPoint.PACKAGE + "Other.class",
              "BOOT-INF/lib/nested.jar",
              "BOOT-INF/classes/a.txt");
      ZipEntry nested = f.getEntry("BOOT-INF/lib/nested.jar");
      assertThat(nested.getMethod()).as("nested jars stay stored").isEqualTo(ZipEntry.STORED);
      assertThat(new String(f.getInputStream(nested).readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("nested jar bytes");
      assertThat(f.getEntry("BOOT-INF/classes/a.txt").getMethod()).isEqualTo(ZipEntry.DEFLATED);
      assertThat(Collections.list(f.entries()))
          .allSatisfy(e -> assertThat(e.getTime()).as(e.getName()).isEqualTo(TIME));
    }
  }

  @Test
  void shouldRefuseAJarThatIsNotASpringBootJar() throws IOException {
    Path jar = bootJar("Manifest-Version: 1.0\r\nMain-Class: x.Y\r\n\r\n");
    Path classes = classes(tmp.resolve("classes"));
    byte[] before = Files.readAllBytes(jar);

    assertThatThrownBy(() -> JarEntryPoint.main(new String[] {jar.toString(), classes.toString()}))
        .hasMessageContaining("no Start-Class");
    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    try (ZipFile z = new ZipFile(jar.toFile())) {
      assertThat(z.size()).isEqualTo(4);
    }
  }
}
