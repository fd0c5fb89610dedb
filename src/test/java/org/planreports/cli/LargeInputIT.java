package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input of any size through the packaged jar, as an operator starts it with a heap limit ({@code
 * java -Xmx512m -jar plan-reports.jar run …}; the launcher passes the flag on to the JVM that runs
 * the tool). The bound shown: a city-wide extract of {@value #ROWS} rows of other districts plus
 * the district's own rows (≈35 MB) is ingested, validated and published with a 512 MB heap, the
 * tool's peak resident memory stays under {@value #MAX_RSS_MB} MB, and the state database stays
 * under {@value #MAX_STATE_MB} MB (rows of other regions are counted, not staged). Before, such an
 * extract needed 6.8 GB per 2 million rows (≈150 MB) and died with OutOfMemoryError under -Xmx1g: a
 * quarter of them, still three times the heap given here, keeps the bound honest at a quarter of
 * the time. The extracts are generated here into a temporary folder, never committed. A 1 MB line
 * and a UTF-16 file are reported as findings (exit 3), not a stack trace.
 */
class LargeInputIT {

  static final int ROWS = 500_000;
  static final int MAX_RSS_MB = 900;
  static final int MAX_STATE_MB = 64;

  @TempDir static Path tmp;

  static Path jar;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("planreports.jar", "target/plan-reports.jar"));
  }

  record Run(int exit, String out, long peakRssKb, List<String> childArgs, long millis) {}

  @Test
  void shouldIngestHalfAMillionRowsWithAHalfGigabyteHeap() throws Exception {
    Path input = Jar.inputBefore2023(tmp.resolve("big/in"));
    List<String> own =
        Files.readAllLines(Path.of("input/nanchuan-2023-sample.csv"), StandardCharsets.UTF_8);
    List<String> rows = own.subList(1, own.size());
    Path big = input.resolve("city-2023.csv");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write(own.get(0) + "\r\n");
      for (String r : rows) {
        w.write(r + "\r\n");
      }
      // Other districts of the city: the same statistics under 6-digit codes from 510000 on.
      for (int i = 0; i < ROWS; i++) {
        String r = rows.get(i % rows.size());
        w.write(String.valueOf(510000 + i / rows.size()));
        w.write(r, 6, r.length() - 6);
        w.write("\r\n");
      }
    }
    long size = Files.size(big);

    Path dir = tmp.resolve("big");
    Run r =
        run(
            List.of("-Xmx512m"),
            "run",
            "--publish",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("out").toString(),
            "--state",
            dir.resolve("state").toString(),
            "--year",
            "2023",
            "--assessment",
            "annual");
    long stateBytes = treeSize(dir.resolve("state"));
    System.out.printf(
        "LargeInputIT: %d rows, %d MB extract: exit %d in %d s, peak RSS %d MB, state %d MB%n",
        ROWS + rows.size(),
        size >> 20,
        r.exit(),
        r.millis() / 1000,
        r.peakRssKb() >> 10,
        stateBytes >> 20);

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.childArgs()).as("the JVM that ran the tool").contains("-Xmx512m");
    assertThat(r.out()).contains("已发布", ROWS + "行属于方案未覆盖的地区");
    assertThat(dir.resolve("out/500119/2023-annual/edition-1")).isDirectory();
    assertThat(r.peakRssKb() >> 10).isPositive().isLessThan(MAX_RSS_MB);
    assertThat(stateBytes >> 20).isLessThan(MAX_STATE_MB);
  }

  @Test
  void shouldReportAOneMegabyteLineAndAUtf16FileAsFindings() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("odd/in"));
    Files.writeString(
        input.resolve("long-line.csv"),
        "region_code,year,item_code,value,unit,source,status,note\r\n"
            + "500119,2023,RD_EXP,8.62,亿元,区统计局,正式,"
            + "x".repeat(1 << 20)
            + "\r\n500119,2023,GDP,421.3,亿元,区统计局,正式,\r\n",
        StandardCharsets.UTF_8);
    Files.write(
        input.resolve("utf16.csv"),
        ("\uFEFFregion_code,year,item_code,value,unit\r\n500119,2023,GDP,421.3,亿元\r\n")
            .getBytes(StandardCharsets.UTF_16LE));
    Path dir = tmp.resolve("odd");

    Run r =
        run(
            List.of("-Xmx128m"),
            "validate",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("out").toString(),
            "--state",
            dir.resolve("state").toString());

    assertThat(r.exit()).as(r.out()).isEqualTo(3);
    assertThat(r.out())
        .contains("long-line.csv:2", "超过每行长度上限10000个字符")
        .contains("utf16.csv", "文件是 UTF-16LE（带BOM） 编码", "另存为“CSV UTF-8”")
        .doesNotContain("Exception", "\tat ");
    assertThat(
            Files.readString(
                dir.resolve("out/validation/validation-report.csv"), StandardCharsets.UTF_8))
        .contains("E_TOO_LONG", "E_ENCODING");
    try (Stream<Path> out = Files.list(dir.resolve("out"))) {
      // Nothing published: only the validation report, beside the output folder's own lock file.
      assertThat(
              out.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".plan-reports.lock")))
          .containsExactly("validation");
    }
  }

  /** Runs the packaged jar with JVM options, polling the peak RSS of every process it starts. */
  static Run run(List<String> jvm, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvm);
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                out.append(e);
              }
            });
    reader.start();
    Map<Long, Long> peaks = new HashMap<>();
    List<String> childArgs = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (p.isAlive() && System.nanoTime() < deadline) {
      peaks.merge(p.pid(), peakRssKb(p.pid()), Math::max);
      p.descendants()
          .forEach(
              d -> {
                peaks.merge(d.pid(), peakRssKb(d.pid()), Math::max);
                if (childArgs.isEmpty()) {
                  d.info().arguments().ifPresent(a -> childArgs.addAll(List.of(a)));
                }
              });
      // The sampling period, cut short when the process ends.
      p.waitFor(200, TimeUnit.MILLISECONDS);
    }
    assertThat(p.waitFor(1, TimeUnit.SECONDS)).as("finished within 10 minutes").isTrue();
    reader.join();
    long peak = peaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return new Run(
        p.exitValue(),
        out.toString(),
        peak,
        childArgs,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** VmHWM of a process (its peak resident set), in kB; 0 when it is gone. */
  static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone between two polls
    }
    return 0;
  }

  static long treeSize(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }
}
