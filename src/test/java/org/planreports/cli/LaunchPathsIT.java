package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the packaged jar starts the tool publishes the same bytes: through the launcher into a
 * second JVM on the jar extracted beside it with the class-data archive (the default), into a
 * second JVM on the jar itself when the jar was copied without the archive (both with the Spring
 * context the build processed ahead of time), and in the operator's own JVM ({@code
 * -Dplanreports.relaunch=false}, the context built at run time); and the loader's own commands
 * ({@code -Djarmode=tools}) still answer.
 */
class LaunchPathsIT {

  @TempDir static Path tmp;

  static Path jar;
  static Path alone;

  @BeforeAll
  static void copyTheJarWithoutItsArchive() throws Exception {
    jar = Path.of(Jar.PATH).toAbsolutePath();
    alone =
        Files.copy(jar, Files.createDirectories(tmp.resolve("alone")).resolve(jar.getFileName()));
    assertThat(alone.resolveSibling("plan-reports-cds")).doesNotExist();
  }

  record Ran(int exit, String out) {}

  static Ran java(List<String> jvm, Path jarFile, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", jarFile.toString()));
    cmd.addAll(args);
    Path log = Files.createTempFile(tmp, "log", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).as(cmd.toString()).isTrue();
    return new Ran(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static Path bulletin(String name, List<String> jvm, Path jarFile) throws Exception {
    Path dir = tmp.resolve(name);
    Ran r =
        java(
            jvm,
            jarFile,
            List.of(
                "run",
                "--publish",
                "--input",
                Path.of("input").toAbsolutePath().toString(),
                "--output",
                dir.resolve("out").toString(),
                "--state",
                dir.resolve("state").toString(),
                "--year",
                "2023",
                "--assessment",
                "annual"));
    assertThat(r.exit()).as(r.out()).isZero();
    return dir.resolve("out/500119/2023-annual");
  }

  @Test
  void shouldBeAPlainSpringBootJarWithTheClassDataArchiveBesideIt() throws Exception {
    try (JarFile f = new JarFile(jar.toFile())) {
      assertThat(f.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
      assertThat(f.getManifest().getMainAttributes().getValue("Start-Class"))
          .isEqualTo("org.planreports.PlanReportsApplication");
      assertThat(f.getEntry("org/planreports/launch/Launcher.class")).isNull();
      assertThat(f.getEntry("BOOT-INF/classes/org/planreports/launch/Launcher.class")).isNotNull();
      assertThat(
              f.getEntry(
                  "BOOT-INF/classes/org/planreports/cli/ContextAot__ApplicationContextInitializer.class"))
          .as("the Spring context processed ahead of time")
          .isNotNull();
    }
    Path cds = jar.resolveSibling("plan-reports-cds");
    assertThat(cds.resolve("plan-reports.jsa")).isRegularFile();
    assertThat(cds.resolve("fonts/NotoSerifCJKsc-Regular.otf")).isRegularFile();
    assertThat(org.planreports.launch.Launcher.extractedFrom(jar, cds.resolve("plan-reports.jar")))
        .as("the extracted copy holds what the jar holds")
        .isTrue();
  }

  @Test
  void shouldPublishTheSameBytesHoweverTheJarStartsTheTool() throws Exception {
    Path usual = bulletin("usual", List.of(), jar);
    Jar.assertSameFiles(usual, bulletin("alone", List.of(), alone));
    // In the operator's JVM the archive plays no part (only the second JVM maps it): the jar alone.
    Jar.assertSameFiles(usual, bulletin("in-jvm", List.of("-Dplanreports.relaunch=false"), alone));
  }

  @Test
  void shouldStillAnswerTheSpringBootLoadersOwnCommands() throws Exception {
    Ran r = java(List.of("-Djarmode=tools"), alone, List.of("list-layers"));
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("dependencies", "application");
  }
}
