package org.planreports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for what a child process writes: its file, its end, or the timeout, whichever first. */
class FileEventsTest {

  @TempDir Path tmp;

  /** A shell that runs {@code script} with the folder as $1, then waits for its input to close. */
  private Process shell(String script) throws Exception {
    return new ProcessBuilder("sh", "-c", script + " && read line", "sh", tmp.toString()).start();
  }

  @Test
  void shouldSeeAFileWrittenInFoldersThatDidNotExistWhenTheWaitBegan() throws Exception {
    Path root = tmp.resolve("out");
    Path file = root.resolve("a/b/c/done.txt");
    Process p = shell("mkdir -p \"$1/out/a/b/c\" && echo x > \"$1/out/a/b/c/done.txt\"");
    try {
      assertThat(FileEvents.await(root, p, Duration.ofSeconds(60), () -> Files.exists(file)))
          .isTrue();
      assertThat(p.isAlive()).as("seen while the process still runs").isTrue();
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldStopWaitingWhenTheProcessEndsWithoutTheFile() throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", "mkdir -p \"$1/out/a\"", "sh", tmp.toString()).start();
    long start = System.nanoTime();

    boolean seen =
        FileEvents.await(
            tmp.resolve("out"),
            p,
            Duration.ofSeconds(60),
            () -> Files.exists(tmp.resolve("out/a/never")));

    assertThat(seen).isFalse();
    assertThat(p.isAlive()).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
  }

  @Test
  void shouldStopWaitingAtTheTimeout() throws Exception {
    Process p = shell("true");
    try {
      assertThat(
              FileEvents.await(
                  tmp.resolve("out"),
                  p,
                  Duration.ofMillis(200),
                  () -> Files.exists(tmp.resolve("out/never"))))
          .isFalse();
      assertThat(p.isAlive()).isTrue();
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
