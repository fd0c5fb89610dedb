package org.planreports.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files appear only complete: everything is written under a hidden temporary name in the target's
 * own folder, then renamed into place in one step.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  public static void write(Path target, byte[] bytes) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = partial(target);
      writeFile(tmp, bytes);
      move(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link Files#write}, but a failure names the file: a full disk says only "No space left on
   * device", and the operator needs to know where.
   */
  public static void writeFile(Path file, byte[] bytes) throws IOException {
    try {
      // Never through a link planted at the file's (or its hidden .part) name.
      Files.write(
          file,
          bytes,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
      named.initCause(e);
      throw named;
    }
  }

  /** Renames a finished folder or file into place, atomically where the file system allows it. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The hidden name beside {@code target} that it is written under before it is moved in. */
  public static Path partial(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".part");
  }

  /** True for the hidden name a file or folder has while it is being written. */
  public static boolean isPartial(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".part");
  }

  /**
   * Removes what a killed run left half-written under {@code root}: the hidden {@code .….part}
   * files and folders. Call it only while holding the state lock, when nothing else writes there.
   */
  public static void sweepPartials(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(root, 4)) {
      for (Path p : walk.filter(AtomicFiles::isPartial).toList()) {
        deleteTree(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
