package org.planreports.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  @TempDir Path tmp;

  @Test
  void shouldPutTheUsersJvmOptionsAfterOursSoThatTheyWin() {
    List<String> command =
        Launcher.command(
            Path.of("/x/plan-reports.jar"),
            Optional.empty(),
            List.of("-Xmx512m"),
            new String[] {"run", "--year", "2023"});

    assertThat(command.get(0)).endsWith("java");
    assertThat(command).containsSubsequence("-XX:+UseSerialGC", "-Xmx512m", "-jar");
    assertThat(command.subList(command.size() - 4, command.size()))
        .containsExactly("/x/plan-reports.jar", "run", "--year", "2023");
    assertThat(command)
        .contains("-D" + Launcher.PARENT_PID + "=" + ProcessHandle.current().pid())
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
  }

  @Test
  void shouldSizeTheHeapUnlessTheOperatorDoes() {
    assertThat(Launcher.heapFlags(List.of(), 1, null, null)).isEqualTo(Launcher.HEAP_FLAGS);
    assertThat(Launcher.heapFlags(List.of("-Dx=y"), 1, " -Dfile.encoding=UTF-8 ", null))
        .isEqualTo(Launcher.HEAP_FLAGS);
    assertThat(Launcher.heapFlags(List.of("-Xmx128m"), 20, null, null))
        .isEqualTo(Launcher.SMALL_HEAP_FLAGS);
    assertThat(Launcher.heapFlags(List.of(), 1, "-Dx=y -Xmx100m", null))
        .isEqualTo(Launcher.SMALL_HEAP_FLAGS);
    assertThat(Launcher.heapFlags(List.of(), 1, null, "-XX:MaxHeapSize=100m"))
        .isEqualTo(Launcher.SMALL_HEAP_FLAGS);
    assertThat(Launcher.heapFlags(List.of("-Dx=y"), 2, null, null))
        .isEqualTo(Launcher.CITY_HEAP_FLAGS);
  }

  @Test
  void shouldCountTheDistrictsTheCommandLineNames(@TempDir Path dir) throws Exception {
    Path city = dir.resolve("city");
    for (String region : List.of("500101", "500102", "500103", "500104", "500105")) {
      Files.createDirectories(city.resolve(region));
      Files.writeString(city.resolve(region).resolve("plan.properties"), "region.code=" + region);
    }
    Files.createDirectories(city.resolve("notes"));
    Path one = city.resolve("500101");
    String[][] cases = {
      {"1", "run"},
      {"1", "run", "--plan", one.toString()},
      {"1", "run", "--plan=" + one.resolve("plan.properties")},
      {"5", "run", "--plan", city.toString()},
      {"5", "run", "--plan=" + city, "--year", "2023"},
      {"6", "run", "--plan", city.toString(), "--plan", one.toString()},
      {"2", "run", "--plan", city.toString(), "--shard", "1/3"},
      {"1", "run", "--plan", city.toString(), "--shard=2/5"},
      {"5", "run", "--plan", city.toString(), "--shard", "x"},
      {"1", "run", "--plan", dir.resolve("missing").toString()},
      {"1", "run", "--plan"},
      {"1", "run", "--plan", city.resolve("notes").toString()},
    };
    for (String[] c : cases) {
      String[] args = Arrays.copyOfRange(c, 1, c.length);
      assertThat(Launcher.districts(args))
          .as(String.join(" ", args))
          .isEqualTo(Integer.parseInt(c[0]));
    }
  }

  @Test
  void shouldRunTheExtractedJarWithTheArchiveWhenThereIsOne() {
    ClassDataArchive cds = new ClassDataArchive(Path.of("/x/plan-reports-cds"));
    List<String> command =
        Launcher.command(
            Path.of("/x/plan-reports.jar"), Optional.of(cds), List.of(), new String[] {"verify"});

    assertThat(command)
        .contains("-XX:SharedArchiveFile=/x/plan-reports-cds/plan-reports.jsa")
        .containsSubsequence("-jar", "/x/plan-reports-cds/plan-reports.jar", "verify");
  }

  private static Path zip(Path file, String content) throws IOException {
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      z.putNextEntry(new java.util.zip.ZipEntry("BOOT-INF/classes/A.class"));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    return file;
  }

  @Test
  void shouldTakeAnArchiveOnlyWhenCompleteOfThisJvmAndOfThisVeryJar() throws IOException {
    Path jar = zip(tmp.resolve("plan-reports.jar"), "one");
    Path dir = Files.createDirectories(tmp.resolve("plan-reports-cds"));
    Files.writeString(dir.resolve("plan-reports.jar"), "thin jar");
    Files.writeString(dir.resolve(ClassDataArchive.ARCHIVE), "archive");
    assertThat(ClassDataArchive.beside(jar)).as("no jvm.txt: not finished").isEmpty();

    Files.writeString(dir.resolve(ClassDataArchive.JVM_STAMP), "another\njvm\n");
    assertThat(ClassDataArchive.beside(jar)).as("another JVM's").isEmpty();

    Files.writeString(
        dir.resolve(ClassDataArchive.JVM_STAMP),
        ClassDataArchive.jvmStamp() + ClassDataArchive.fingerprint(jar),
        StandardCharsets.UTF_8);
    assertThat(ClassDataArchive.beside(jar)).contains(new ClassDataArchive(dir));

    // A reproducible build gives every jar the same timestamp: only the content tells them apart.
    zip(jar, "two");
    assertThat(ClassDataArchive.beside(jar)).as("the jar was rebuilt with other code").isEmpty();
  }

  @Test
  void shouldReportTheLaunchingJvmAsTheOperatorsPid() {
    assertThat(Launcher.operatorPid()).isEqualTo(ProcessHandle.current().pid());
    System.setProperty(Launcher.PARENT_PID, "4242");
    try {
      assertThat(Launcher.operatorPid()).isEqualTo(4242);
    } finally {
      System.clearProperty(Launcher.PARENT_PID);
    }
  }
}
