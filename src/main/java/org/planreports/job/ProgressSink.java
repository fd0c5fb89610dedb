package org.planreports.job;

/**
 * Where the run's progress lines go ({@link RunProgress}): the command decides (to the operator's
 * terminal, or nowhere when output is not a terminal). Lines come from the job's threads, a city
 * run's districts at once; a sink may drop lines that come too fast.
 */
@FunctionalInterface
public interface ProgressSink {

  /** Progress said nowhere. */
  ProgressSink NONE = line -> {};

  /** One line of what the run is doing now, worded (no time: the sink adds it). */
  void say(String line);
}
