package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 state file after a large extract: the district's own rows ({@value #MB} MB of them,
 * generated here, the same rows over and over) are staged to be validated and derived, then deleted
 * and the file compacted, so it holds what a run on the bundled input holds. Before, the file kept
 * every staged row (≈8 MB of state per MB of input) until the next run, and its pages after that:
 * {@value #MB} MB of rows, small enough to generate and run quickly, would then have left about 32
 * MB, twice the bound.
 */
class StateSizeIT {

  static final int MB = 4;

  /** A run on the bundled input leaves about 5 MB (job repository, history, findings). */
  static final long MAX_STATE_BYTES = 16L << 20;

  @TempDir Path tmp;

  @Test
  void shouldKeepTheStateFileSmallAfterALargeExtract() throws Exception {
    Path input = Jar.inputWithLarge2023(tmp.resolve("in"), MB * 1_000_000L);
    Path state = tmp.resolve("state");

    Jar.Result r =
        Jar.run(
            tmp,
            List.of(
                "run",
                "--publish",
                "--input",
                input.toString(),
                "--output",
                tmp.resolve("out").toString(),
                "--state",
                state.toString(),
                "--year",
                "2023"));

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(Files.size(state.resolve("plan-reports.mv.db"))).isLessThan(MAX_STATE_BYTES);
  }
}
