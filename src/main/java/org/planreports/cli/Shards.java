package org.planreports.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code --shard i/n}: the districts one of {@code n} processes works on (a Kubernetes Indexed
 * Job's completion index, say). Districts are ordered by region code and the k-th belongs to shard
 * k mod n, so every district belongs to exactly one shard whatever order the bundles were given in.
 */
final class Shards {

  private Shards() {}

  /** {@code {i, n}}, or empty when the text is not {@code i/n} with 0 ≤ i < n. */
  static Optional<int[]> parse(String text) {
    if (text == null || !text.strip().matches("\\d{1,4}/\\d{1,4}")) {
      return Optional.empty();
    }
    String[] f = text.strip().split("/");
    int i = Integer.parseInt(f[0]);
    int n = Integer.parseInt(f[1]);
    return n >= 1 && i < n ? Optional.of(new int[] {i, n}) : Optional.empty();
  }

  /** The indexes (into {@code regions}) of the districts of the shard; all without one. */
  static List<Integer> select(List<String> regions, Optional<int[]> shard) {
    List<Integer> byCode =
        IntStream.range(0, regions.size())
            .boxed()
            .sorted(Comparator.comparing(regions::get))
            .toList();
    if (shard.isEmpty()) {
      return IntStream.range(0, regions.size()).boxed().toList();
    }
    List<Integer> mine = new ArrayList<>();
    for (int k = 0; k < byCode.size(); k++) {
      if (k % shard.get()[1] == shard.get()[0]) {
        mine.add(byCode.get(k));
      }
    }
    return mine.stream().sorted().toList();
  }
}
