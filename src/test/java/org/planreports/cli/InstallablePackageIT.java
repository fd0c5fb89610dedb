package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable package, {@code target/plan-reports-<version>.zip}, as an office gets it:
 * unzipped into an empty folder and run with {@code bin/plan-reports} on the bundled sample, with
 * nothing on the PATH but a Java runtime and the system's own commands (no Maven, no {@code ~/.m2},
 * no JAVA_HOME). Each step of the walk is one line: the arguments and the exit code expected.
 */
class InstallablePackageIT {

  @TempDir static Path tmp;

  static Path zip;
  static Path home;

  @BeforeAll
  static void unzipIntoAnEmptyFolder() throws Exception {
    Path target =
        Path.of(System.getProperty("planreports.jar", "target/plan-reports.jar")).getParent();
    try (Stream<Path> files = Files.list(target)) {
      zip =
          files
              .filter(f -> f.getFileName().toString().matches("plan-reports-.+\\.zip"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no plan-reports-<version>.zip in " + target));
    }
    assertThat(Path.of("/usr/bin/unzip")).as("unzip (.ci/run installs it)").isExecutable();
    Path into = Files.createDirectories(tmp.resolve("office"));
    Process unzip =
        new ProcessBuilder("/usr/bin/unzip", "-q", zip.toAbsolutePath().toString())
            .directory(into.toFile())
            .inheritIO()
            .start();
    assertThat(unzip.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(unzip.exitValue()).isZero();
    try (Stream<Path> top = Files.list(into)) {
      home = top.collect(onlyOne());
    }
    assertThat(home.getFileName().toString())
        .isEqualTo(zip.getFileName().toString().replace(".zip", ""));
  }

  private static java.util.stream.Collector<Path, ?, Path> onlyOne() {
    return java.util.stream.Collectors.collectingAndThen(
        java.util.stream.Collectors.toList(),
        l -> {
          assertThat(l).hasSize(1);
          return l.get(0);
        });
  }

  record Result(int exit, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  /** Only a Java runtime: its bin folder, then the system's commands. */
  private static Map<String, String> javaOnly() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    env.put("HOME", tmp.resolve("home").toString());
    env.put("LANG", "C.UTF-8");
    return env;
  }

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    Files.createDirectories(tmp.resolve("home"));
    Path out = Files.createTempFile(tmp, "out", ".txt"),
        err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("finished: " + command).isTrue();
    return new Result(
        p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** One step of the walk: {@code bin/plan-reports args} in the unzipped folder. */
  private static Result step(int exit, String... args) throws Exception {
    return step(exit, javaOnly(), args);
  }

  private static Result step(int exit, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bin/plan-reports"));
    command.addAll(List.of(args));
    Result r = run(command, env);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.text() + r.err()).isEqualTo(exit);
    return r;
  }

  @Test
  void shouldRunTheSampleFromTheUnzippedPackageWithOnlyAJavaRuntime() throws Exception {
    Result run = step(0, "run");
    assertThat(run.text()).contains("校验通过", "审阅稿已生成");
    assertThat(home.resolve("review/500119/2023-midterm/500119-2023-midterm.pdf")).isRegularFile();
    assertThat(home.resolve("output/500119")).as("a review, no edition").doesNotExist();
    assertThat(step(0, "publish", "--date", "2024-03-15").text()).contains("edition-1");
    assertThat(home.resolve("output/500119/2023-midterm/edition-1/500119-2023-midterm.pdf"))
        .isRegularFile();
    assertThat(home.resolve("output/500119/2023-midterm/edition-1/manifest.json")).isRegularFile();
    assertThat(home.resolve("state/plan-reports.mv.db")).isRegularFile();
    // Not a terminal: no progress lines, the error stream as quiet as before.
    assertThat(run.err()).doesNotContain("读取数据").doesNotContain("生成发布物");

    assertThat(step(0, "verify").text()).contains("共检查 7 个版本，不一致 0 个");
    step(0, "template", "--file", "模板.csv");
    assertThat(home.resolve("模板.csv")).content(StandardCharsets.UTF_8).contains("RD_EXP");
    assertThat(step(0, "--help").text()).contains("用法", "run", "verify");
    assertThat(step(2, "run", "--no-such-option").err()).contains("--no-such-option");
  }

  @Test
  void shouldWriteTheTerminalsOwnEncoding() throws Exception {
    Map<String, String> gbk = javaOnly();
    gbk.put("JAVA_TOOL_OPTIONS", "-Dstdout.encoding=GBK");
    Result help = step(0, gbk, "--help");

    assertThat(new String(help.out(), Charset.forName("GBK"))).contains("用法", "显示本帮助并退出");
    assertThat(help.text()).doesNotContain("用法");
    assertThat(step(0, "--help").text()).contains("用法");
  }

  @Test
  void shouldShowProgressOnATerminal() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script is installed");
    Path out = tmp.resolve("terminal");
    // script gives the run a terminal (a pseudo-terminal): what an operator at a console sees.
    Result r =
        run(
            List.of(
                "/usr/bin/script",
                "-qec",
                "bin/plan-reports validate --output " + out,
                "/dev/null"),
            javaOnly());

    assertThat(r.exit()).as(r.text()).isZero();
    assertThat(r.text()).containsPattern("\\[\\d+ 秒\\] (读取数据|校验)");
  }

  @Test
  void shouldRefuseAJavaOlderThan17InChinese() throws Exception {
    Path old = Files.createDirectories(tmp.resolve("jdk8/bin"));
    Path java = old.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Map<String, String> env = javaOnly();
    env.put("JAVA_HOME", old.getParent().toString());

    Result r = step(1, env, "run");

    assertThat(r.err()).contains("Java 版本过低", "1.8.0_392", "Java 17");
  }

  @Test
  void shouldHoldTheScriptsTheGuideAndTheSampleWithFixedTimes() throws Exception {
    assertThat(home.resolve("bin/plan-reports")).isExecutable();
    assertThat(home.resolve("lib/plan-reports.jar")).isRegularFile();
    assertThat(home.resolve("plan/plan.properties")).isRegularFile();
    try (Stream<Path> input = Files.list(home.resolve("input"))) {
      assertThat(input.map(p -> p.getFileName().toString())).contains("nanchuan-2023-sample.csv");
    }
    String guide = Files.readString(home.resolve("README-zh.md"), StandardCharsets.UTF_8);
    assertThat(guide).contains("安装 Java", "publish --date", "--reason", "template --file 模板.xlsx");
    for (int code = 0; code <= 8; code++) {
      assertThat(guide).contains("| " + code + " |");
    }
    assertThat(Files.readString(home.resolve("README-zh.txt"), StandardCharsets.UTF_8))
        .isEqualTo(guide.replace("\n", "\r\n"));
    // The same sources give the same zip: every entry has the build's fixed time.
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<? extends ZipEntry> entries = Collections.list(z.entries());
      assertThat(entries.stream().map(ZipEntry::getLastModifiedTime))
          .containsOnly(entries.get(0).getLastModifiedTime());
      assertThat(entries.get(0).getLastModifiedTime()).isNotEqualTo(FileTime.from(Instant.EPOCH));
    }
  }

  @Test
  void shouldHaveAWindowsScriptWithCrlfLinesThatPassesEveryArgument() throws IOException {
    byte[] bat = Files.readAllBytes(home.resolve("bin/plan-reports.bat"));
    String text = new String(bat, Charset.forName("GBK"));

    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(text)
        .startsWith("@echo off\r\n")
        .contains("%~dp0..\\lib\\plan-reports.jar", "-jar \"%PR_JAR%\" %*", "exit /b %ERRORLEVEL%")
        .contains("JAVA_HOME", "Java 17", "找不到 Java")
        .doesNotContainPattern("(?im)^\\s*chcp");
  }
}
