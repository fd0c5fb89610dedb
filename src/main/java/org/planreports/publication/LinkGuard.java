package org.planreports.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The tool writes, moves and deletes only inside the output and state folders it was given, each
 * resolved once at the start ({@link #real}). A symbolic link inside them on a path it writes —
 * planted by anyone who can write to a shared publication folder — would carry those writes and
 * deletions elsewhere, so the run is refused, naming the link, before anything is written.
 */
public final class LinkGuard {

  private LinkGuard() {}

  /** A symbolic link where the tool would write: the run stops (exit 1) naming it. */
  public static final class LinkRefused extends RuntimeException {
    private final Path link;

    public LinkRefused(Path link) {
      super(OperatorText.get("links.refused", link, target(link)));
      this.link = link;
    }

    public Path link() {
      return link;
    }
  }

  /**
   * The folder with every link resolved (it may be a link, or under one, as the operator set it
   * up); a folder that does not exist yet is its nearest existing parent resolved, with the rest of
   * the name, so that nothing is created before the run has its locks.
   */
  public static Path real(Path folder) throws IOException {
    Path abs = folder.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
  }

  /**
   * Refuses a link at {@code path} or on the way to it from {@code root} (a real folder), and, if
   * {@code path} is a folder, anywhere in it.
   */
  public static void refuseLinks(Path root, Path path) {
    Path rel = root.relativize(path);
    Path at = root;
    for (Path name : rel) {
      at = at.resolve(name);
      if (Files.isSymbolicLink(at)) {
        throw new LinkRefused(at);
      }
      if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
    }
    if (!Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(at)) {
      // Files.walk does not follow links: it lists them, and any one of them is refused.
      walk.filter(Files::isSymbolicLink)
          .findFirst()
          .ifPresent(
              l -> {
                throw new LinkRefused(l);
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses {@code file} when it is a symbolic link (a lock or holder file, say). */
  public static void refuseLink(Path file) {
    if (Files.isSymbolicLink(file)) {
      throw new LinkRefused(file);
    }
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }
}
