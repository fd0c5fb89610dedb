package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link PerThreadRandom} draws what the generator of the calling thread would draw itself. */
class PerThreadRandomTest {

  private static SecureRandom seeded(int seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(new byte[] {(byte) seed, 1, 2, 3});
    return random;
  }

  /** The draws of OpenPDF's subset prefix (BaseFont.createSubsetPrefix): six nextDouble(). */
  private static String prefix(SecureRandom random) {
    StringBuilder prefix = new StringBuilder();
    for (int k = 0; k < 6; k++) {
      prefix.append((char) (int) (random.nextDouble() * 26 + 'A'));
    }
    return prefix.append(random.nextInt(1000)).toString();
  }

  @Test
  void shouldDrawTheNumbersOfTheThreadsOwnGenerator() throws Exception {
    PerThreadRandom shared = new PerThreadRandom();
    shared.use(seeded(1));
    String first = prefix(shared);
    assertThat(first).isEqualTo(prefix(seeded(1))).isNotEqualTo(prefix(seeded(2)));
    shared.use(seeded(2));
    assertThat(prefix(shared)).isEqualTo(prefix(seeded(2)));
  }

  @Test
  void shouldKeepEachThreadsGeneratorWhenThreadsDrawAtOnce() throws Exception {
    PerThreadRandom shared = new PerThreadRandom();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      List<Future<List<String>>> drawn = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        drawn.add(
            pool.submit(
                () -> {
                  shared.use(seeded(seed));
                  ready.countDown();
                  ready.await();
                  List<String> prefixes = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    prefixes.add(prefix(shared));
                  }
                  return prefixes;
                }));
      }
      for (int t = 0; t < threads; t++) {
        SecureRandom alone = seeded(t);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          expected.add(prefix(alone));
        }
        assertThat(drawn.get(t).get()).as("thread %d", t).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
