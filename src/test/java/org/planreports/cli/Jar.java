package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged jar started as an operator starts it, for the tests that run it as a process. */
final class Jar {

  static final String PATH = System.getProperty("planreports.jar", "target/plan-reports.jar");

  private Jar() {}

  /** What a finished run said, its standard output and error apart. */
  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", PATH));
    cmd.addAll(args);
    return cmd;
  }

  /** Starts a run whose output and error both go to {@code log}, to be watched or killed. */
  static Process start(Path log, List<String> args) throws IOException {
    return start(log, args, Map.of());
  }

  /** The same with more environment variables (a shared database's, say). */
  static Process start(Path log, List<String> args, Map<String, String> env) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /**
   * kill -9 of the JVM an operator started, then waits until the second JVM the launcher started
   * has noticed and halted too (it looks every 20 ms), so that what follows finds the run gone and
   * its lock free, as an operator's next command does.
   */
  static void kill(Process p) throws Exception {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /** Runs to the end (at most four minutes), its output kept in files under {@code tmp}. */
  static Result run(Path tmp, List<String> args) throws Exception {
    return run(tmp, args, Map.of());
  }

  /** The same with more environment variables (a shared database's, say). */
  static Result run(Path tmp, List<String> args, Map<String, String> env) throws Exception {
    Path o = Files.createTempFile(tmp, "out", ".txt");
    Path e = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command(args)).redirectOutput(o.toFile()).redirectError(e.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("jar finished: " + args).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(o, StandardCharsets.UTF_8),
        Files.readString(e, StandardCharsets.UTF_8));
  }

  /** The bundled input's extracts other than 2023's, copied into {@code folder}. */
  static Path inputBefore2023(Path folder) throws IOException {
    Path input = Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(Path.of("input"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        if (!f.getFileName().toString().contains("2023")) {
          Files.copy(f, input.resolve(f.getFileName()));
        }
      }
    }
    return input;
  }

  /**
   * The bundled input with its 2023 extract replaced by one of at least {@code bytes} bytes: the
   * district's own 2023 rows written again and again (the same values, so the run publishes).
   */
  static Path inputWithLarge2023(Path folder, long bytes) throws IOException {
    Path input = inputBefore2023(folder);
    List<String> own =
        Files.readAllLines(Path.of("input/nanchuan-2023-sample.csv"), StandardCharsets.UTF_8);
    try (var w =
        Files.newBufferedWriter(input.resolve("nanchuan-2023-large.csv"), StandardCharsets.UTF_8)) {
      w.write(own.get(0) + "\n");
      for (long written = 0; written < bytes; ) {
        for (String row : own.subList(1, own.size())) {
          w.write(row + "\n");
          written += row.getBytes(StandardCharsets.UTF_8).length + 1;
        }
      }
    }
    return input;
  }

  /** A copy of a folder with everything below it, except lock files. */
  static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().endsWith(".lock")) {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /** Every file below {@code root}, as relative paths in order; none where it does not exist. */
  static List<String> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /** Both folders hold the same files with the same bytes. */
  static void assertSameFiles(Path expected, Path actual) throws Exception {
    List<String> files = files(expected);
    assertThat(files(actual)).as(actual.toString()).isEqualTo(files).isNotEmpty();
    for (String f : files) {
      assertThat(Files.mismatch(expected.resolve(f), actual.resolve(f))).as(f).isEqualTo(-1L);
    }
  }
}
