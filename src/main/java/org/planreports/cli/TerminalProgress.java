package org.planreports.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.planreports.core.Messages;
import org.planreports.job.ProgressSink;
import org.planreports.launch.Terminal;

/**
 * The run's progress lines on the operator's terminal (standard error), each with the time the
 * command has run so far: only when the operator watches a terminal ({@link Terminal#interactive}),
 * never in a script's, a scheduler's or a test's captured output. At most one line a second: a line
 * that comes sooner is dropped (the next one says where the run is).
 */
final class TerminalProgress implements ProgressSink {

  private static final Messages WORDS = Messages.bundle("progress");

  static final long INTERVAL_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long started;
  private long last;

  /** {@code started}: when the command started, on {@code nanoClock}. */
  TerminalProgress(PrintWriter err, LongSupplier nanoClock, long started) {
    this.err = err;
    this.clock = nanoClock;
    this.started = started;
    this.last = started;
  }

  /** The sink for a command: the terminal's standard error if it is one, else nowhere. */
  static ProgressSink forOperator(PrintWriter err) {
    return Terminal.interactive()
        ? new TerminalProgress(err, System::nanoTime, Main.STARTED)
        : ProgressSink.NONE;
  }

  @Override
  public synchronized void say(String line) {
    long now = clock.getAsLong();
    if (now - last < INTERVAL_NANOS) {
      return;
    }
    last = now;
    err.println(WORDS.get("progress.line", "elapsed", elapsed(now - started), "line", line));
    err.flush();
  }

  static String elapsed(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    return seconds < 60
        ? WORDS.get("progress.seconds", "seconds", seconds)
        : WORDS.get("progress.minutes", "minutes", seconds / 60, "seconds", seconds % 60);
  }
}
