package org.planreports.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.planreports.plan.PublicationKey;

/**
 * Warm per-publication render time: the default run's 7 publications of the bundled input, composed
 * once and rendered (laid out ahead on the other cores, exported in order, as the render step does)
 * round after round in one JVM. Not a test; run by {@code src/bench/warm-render.sh}.
 *
 * <p>Arguments: rounds (default 8), and a folder to write the last round's PDFs into (optional).
 * {@code -Dbench.oneThread=true} renders one publication after another on the main thread only.
 */
public final class WarmRenderBench {

  static final String[] FOLDERS = {
    "2021-annual",
    "2021-zone",
    "2022-annual",
    "2022-zone",
    "2023-annual",
    "2023-midterm",
    "2023-zone"
  };

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Path out = args.length > 1 && !args[1].isEmpty() ? Path.of(args[1]) : null;
    boolean ahead = !Boolean.getBoolean("bench.oneThread");
    long t0 = System.nanoTime();
    PublicationFixtures fixtures = PublicationFixtures.read(PublicationFixtures.BUNDLED);
    String region = fixtures.plan.meta().regionCode();
    List<PublicationContent> contents = new ArrayList<>();
    for (String folder : FOLDERS) {
      contents.add(fixtures.builder.compose(PublicationKey.parse(region, folder)));
    }
    System.out.printf("compose: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    PublicationRenderer renderer = new PublicationRenderer();
    List<Double> perPublication = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      if (ahead) {
        renderer.prepare(contents);
      }
      List<byte[]> pdfs = new ArrayList<>();
      for (PublicationContent c : contents) {
        pdfs.add(renderer.render(c));
      }
      double ms = (System.nanoTime() - start) / 1e6;
      double cpu = (cpuNanos() - cpuStart) / 1e6;
      perPublication.add(ms / contents.size());
      System.out.printf(
          "round %d: %.0f ms, %.0f ms per publication (CPU of the JVM %.0f ms per publication)%n",
          round, ms, ms / contents.size(), cpu / contents.size());
      if (out != null && round == rounds) {
        for (int i = 0; i < contents.size(); i++) {
          Path file = out.resolve(contents.get(i).key().stem() + ".pdf");
          Files.createDirectories(file.getParent());
          Files.write(file, pdfs.get(i));
        }
      }
    }
    List<Double> warm = new ArrayList<>(perPublication.subList(rounds / 2, rounds));
    warm.sort(null);
    System.out.printf(
        "warm median (rounds %d-%d): %.0f ms per publication%n",
        rounds / 2 + 1, rounds, warm.get(warm.size() / 2));
  }
}
