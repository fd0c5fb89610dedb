package org.planreports.testing;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits for what a child process writes below a folder, woken by the file system's own change
 * events (inotify on Linux) rather than by sleeping and looking again: the condition is checked
 * once at the start and again after each batch of changes, and the wait ends as soon as it holds,
 * the process ends, or the timeout passes. The folder need not exist yet. (The JDK watches with
 * inotify on Linux; where it only polls, as on macOS, a wait may take a few seconds longer.)
 */
public final class FileEvents {

  /** What is awaited, read from the files. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private FileEvents() {}

  /**
   * Whether {@code condition} holds: true as soon as it does, false once {@code process} has ended
   * or {@code timeout} has passed without it.
   */
  public static boolean await(Path root, Process process, Duration timeout, Condition condition)
      throws Exception {
    Path dir = root.toAbsolutePath().normalize();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (WatchService watcher = dir.getFileSystem().newWatchService()) {
      // The process's end closes the watcher, which wakes the wait below.
      process.onExit().thenRun(() -> close(watcher));
      Map<Path, WatchKey> watched = new HashMap<>();
      while (true) {
        try {
          watch(watcher, dir, watched);
        } catch (ClosedWatchServiceException e) {
          // the process ended: the condition decides below, once more
        }
        if (condition.holds()) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (!process.isAlive() || left <= 0) {
          return false;
        }
        try {
          WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
          // Take every change already queued: one look at the files for the whole batch.
          while (key != null) {
            key.pollEvents();
            key.reset();
            key = watcher.poll();
          }
        } catch (ClosedWatchServiceException e) {
          // the process ended
        }
      }
    }
  }

  /**
   * Watches {@code root} and every folder below it; while it does not exist, its nearest existing
   * ancestor, to learn when it appears. Looks again after registering until nothing new turns up,
   * so that a folder made before its parent was watched is watched too.
   */
  private static void watch(WatchService watcher, Path root, Map<Path, WatchKey> watched)
      throws IOException {
    boolean more = true;
    while (more) {
      more = false;
      if (!Files.isDirectory(root)) {
        Path ancestor = root.getParent();
        while (ancestor != null && !Files.isDirectory(ancestor)) {
          ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
          return;
        }
        register(watcher, ancestor, watched);
        // The next folder towards root, made while its parent was not yet watched?
        more = Files.isDirectory(ancestor.resolve(root.getName(ancestor.getNameCount())));
        continue;
      }
      try (Stream<Path> dirs = Files.walk(root)) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          more |= register(watcher, d, watched);
        }
      } catch (UncheckedIOException e) {
        // a folder moved or deleted while walked: that change makes another walk
      }
    }
  }

  /**
   * Watches a folder not yet watched, or watched under a name since moved away and back; whether it
   * was new.
   */
  private static boolean register(WatchService watcher, Path dir, Map<Path, WatchKey> watched)
      throws IOException {
    WatchKey key = watched.get(dir);
    if (key != null && key.isValid()) {
      return false;
    }
    try {
      watched.put(dir, dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, OVERFLOW));
      return true;
    } catch (NoSuchFileException e) {
      return false; // gone again: that change makes another walk
    }
  }

  private static void close(WatchService watcher) {
    try {
      watcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
