package org.planreports.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  @TempDir Path tmp;

  @Test
  void shouldPutTheUsersJvmOptionsAfterOursSoThatTheyWin() throws IOException {
    List<String> command =
        Launcher.command(
            Path.of("/x/plan-reports.jar"),
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

  /** The heap flags of the command, between the collector's flags and the user's. */
  private static List<String> heap(List<String> userOptions, String... args) throws IOException {
    List<String> command = Launcher.command(Path.of("/x/plan-reports.jar"), userOptions, args);
    int from = 1 + Launcher.JVM_FLAGS.size();
    return command.subList(
        from,
        command.indexOf("-D" + Launcher.PARENT_PID + "=" + ProcessHandle.current().pid())
            - userOptions.size());
  }

  @Test
  void shouldSizeTheHeapUnlessTheOperatorDoes(@TempDir Path dir) throws Exception {
    // (no JAVA_TOOL_OPTIONS in the test's environment: the surefire JVM is started with argLine)
    assertThat(heap(List.of(), "run")).isEqualTo(Launcher.HEAP_FLAGS);
    assertThat(heap(List.of("-Dx=y"), "run")).isEqualTo(Launcher.HEAP_FLAGS);
    for (String sized :
        List.of("-Xmx128m", "-Xms64m", "-Xmn8m", "-XX:MaxHeapSize=100m", "-XX:MaxRAM=1g")) {
      assertThat(heap(List.of("-Dx=y", sized), "run"))
          .as(sized)
          .isEqualTo(Launcher.SMALL_HEAP_FLAGS);
    }
    Path city = dir.resolve("city");
    for (String region : List.of("500101", "500102")) {
      Files.createDirectories(city.resolve(region));
      Files.writeString(city.resolve(region).resolve("plan.properties"), "region.code=" + region);
    }
    assertThat(heap(List.of(), "run", "--plan", city.toString()))
        .isEqualTo(Launcher.CITY_HEAP_FLAGS);
    assertThat(heap(List.of("-Xmx1g"), "run", "--plan", city.toString()))
        .isEqualTo(Launcher.SMALL_HEAP_FLAGS);
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

  private static Path zip(Path file, String... namesAndContents) throws IOException {
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new java.util.zip.ZipEntry(namesAndContents[i]));
        z.write(namesAndContents[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return file;
  }

  @Test
  void shouldRunTheExtractedJarWithTheArchiveOnlyWhenItHoldsWhatTheJarHolds() throws IOException {
    String[] args = {"verify"};
    String[] fat = {
      "BOOT-INF/", "", "BOOT-INF/classes/a/A.class", "one", "BOOT-INF/lib/x-1.0.jar", "x jar"
    };
    Path jar = zip(tmp.resolve("plan-reports.jar"), fat);
    Path dir = Files.createDirectories(tmp.resolve("plan-reports-cds"));
    Path extracted = zip(dir.resolve("plan-reports.jar"), "a/A.class", "one");
    Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("x-1.0.jar"), "x jar");
    assertThat(Launcher.command(jar, List.of(), args))
        .as("no archive")
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))
        .containsSubsequence("-jar", jar.toString(), "verify");

    Path archive = Files.writeString(dir.resolve("plan-reports.jsa"), "archive");
    assertThat(Launcher.command(jar, List.of(), args))
        .contains("-XX:SharedArchiveFile=" + archive)
        .containsSubsequence("-jar", extracted.toString(), "verify");

    // A reproducible build gives every jar the same time stamp: only the content tells them apart.
    String[][] otherJars = {
      {"BOOT-INF/classes/a/A.class", "two", "BOOT-INF/lib/x-1.0.jar", "x jar"},
      {"BOOT-INF/classes/a/A.class", "one", "BOOT-INF/classes/b.txt", "b"},
      {"BOOT-INF/classes/a/A.class", "one", "BOOT-INF/lib/x-1.1.jar", "x jar"},
      {"BOOT-INF/classes/a/A.class", "one", "BOOT-INF/lib/x-1.0.jar", "x jar, other"},
    };
    for (String[] other : otherJars) {
      zip(jar, other);
      assertThat(Launcher.command(jar, List.of(), args))
          .as(String.join(" ", other))
          .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))
          .containsSubsequence("-jar", jar.toString(), "verify");
    }
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

  @Test
  void shouldStartThisJdkWithEveryFlagTheLauncherGives() throws Exception {
    // The flags are HotSpot's (JDK 17, pinned in pom.xml): a JDK that drops or renames one fails
    // to start the second JVM; the archive's flags must not complain about a missing archive.
    for (List<String> heap :
        List.of(Launcher.HEAP_FLAGS, Launcher.CITY_HEAP_FLAGS, Launcher.SMALL_HEAP_FLAGS)) {
      List<String> command =
          new java.util.ArrayList<>(
              Launcher.command(
                  Files.writeString(tmp.resolve("x.jar"), "x"), List.of(), new String[0]));
      command.removeIf(a -> a.equals("-jar") || a.endsWith("x.jar"));
      command.removeAll(Launcher.HEAP_FLAGS);
      command.addAll(1, heap);
      command.addAll(
          List.of(
              "-XX:SharedArchiveFile=" + tmp.resolve("missing.jsa"),
              "-Xshare:auto",
              "-Xlog:cds=off",
              "-version"));
      Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(java.getInputStream().readAllBytes());
      assertThat(java.waitFor()).as(out).isZero();
      assertThat(out).as(command.toString()).doesNotContainIgnoringCase("warning");
    }
  }
}
