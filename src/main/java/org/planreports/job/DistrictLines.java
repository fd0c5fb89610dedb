package org.planreports.job;

import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * Where the lines a city-wide run's districts say while they run go (a district waiting for its
 * lock, resuming an interrupted run): the command's terminal, for as long as a city run is going.
 * It holds no run state, only where to print.
 */
@Component
public class DistrictLines {

  private static final BiConsumer<String, String> NOWHERE = (region, line) -> {};

  private volatile BiConsumer<String, String> sink = NOWHERE;

  /** Prints each line with its district's region code until {@link #detach()}. */
  void attach(BiConsumer<String, String> lines) {
    sink = lines;
  }

  void detach() {
    sink = NOWHERE;
  }

  void say(String region, String line) {
    sink.accept(region, line);
  }
}
