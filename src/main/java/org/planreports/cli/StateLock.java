package org.planreports.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.planreports.core.Messages;
import org.planreports.publication.LinkGuard;

/**
 * An exclusive lock on the state folder (or the output folder), held for the whole run. The
 * operating system releases it when the process ends, however it ends, so a killed run never leaves
 * a stale lock behind. The holder writes who it is beside the lock, for the message a second run
 * prints.
 */
final class StateLock implements AutoCloseable {

  private static final Messages WORDS = Messages.bundle("operator");

  static final String LOCK = "run.lock";
  static final String HOLDER = "run.lock.holder";

  private final FileChannel channel;
  private final FileLock lock;
  private final Path holder; // null for a shared lock

  private StateLock(FileChannel channel, FileLock lock, Path holder) {
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  /** The output folder's lock: hidden files, outside every edition folder. */
  static final String OUTPUT_LOCK = ".plan-reports.lock";

  static final String OUTPUT_HOLDER = ".plan-reports.lock.holder";

  /** The lock, or empty when another process holds it. */
  static Optional<StateLock> tryAcquire(Path state, String command) throws IOException {
    return tryAcquire(state, LOCK, HOLDER, command, false);
  }

  /**
   * The output folder's lock: two runs with different state folders must not publish into one
   * output at the same time.
   */
  static Optional<StateLock> tryAcquireOutput(Path output, String command) throws IOException {
    return tryAcquire(output, OUTPUT_LOCK, OUTPUT_HOLDER, command, false);
  }

  /**
   * The output folder's lock shared with other runs of a shared database, which lock each district
   * in the database instead: they exclude a run with an H2 state folder, not one another.
   */
  static Optional<StateLock> tryAcquireOutputShared(Path output) throws IOException {
    return tryAcquire(output, OUTPUT_LOCK, OUTPUT_HOLDER, null, true);
  }

  /**
   * For a command that only reads the state folder ({@code history}, {@code verify}): a shared lock
   * on the existing lock file, taken without writing anything, so that it works on a read-only
   * folder; empty while a run holds the folder. Without a lock file no run has used the folder.
   */
  static Optional<StateLock> tryAcquireForReading(Path state) throws IOException {
    Path file = state.resolve(LOCK);
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(new StateLock(null, null, null));
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    FileLock lock;
    try {
      lock = channel.tryLock(0L, Long.MAX_VALUE, true);
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new StateLock(channel, lock, null));
  }

  static String outputHolder(Path output) {
    return Files.exists(output.resolve(OUTPUT_HOLDER))
        ? holder(output, OUTPUT_HOLDER)
        : WORDS.get("cli.lock.sharedHolder");
  }

  private static Optional<StateLock> tryAcquire(
      Path state, String lockName, String holderName, String command, boolean shared)
      throws IOException {
    Files.createDirectories(state);
    // A link planted at the lock or holder file would have the tool write (and later delete)
    // whatever it points to: refused, and opened without following links besides.
    LinkGuard.refuseLink(state.resolve(lockName));
    LinkGuard.refuseLink(state.resolve(holderName));
    FileChannel channel =
        FileChannel.open(
            state.resolve(lockName),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    FileLock lock;
    try {
      lock = channel.tryLock(0L, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    if (shared) {
      return Optional.of(new StateLock(channel, lock, null));
    }
    Path holder = state.resolve(holderName);
    Files.writeString(
        holder,
        WORDS.get(
                "cli.lock.holder",
                "pid",
                org.planreports.launch.Launcher.operatorPid(),
                "started",
                Instant.now(),
                "command",
                String.valueOf(command))
            + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    return Optional.of(new StateLock(channel, lock, holder));
  }

  static String holder(Path state) {
    return holder(state, HOLDER);
  }

  private static String holder(Path dir, String holderName) {
    if (Files.isSymbolicLink(dir.resolve(holderName))) {
      // Whatever a planted link points to is not printed.
      return WORDS.get("cli.lock.unknownHolder");
    }
    try {
      return Files.readString(dir.resolve(holderName), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return WORDS.get("cli.lock.unknownHolder");
    }
  }

  @Override
  public void close() throws IOException {
    if (holder != null && !Files.isSymbolicLink(holder)) {
      Files.deleteIfExists(holder);
    }
    if (lock != null) {
      lock.release();
      channel.close();
    }
  }
}
