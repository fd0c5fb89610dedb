package org.planreports.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.planreports.plan.PublicationKey;

/**
 * The output folder's layout, {@code {output}/{region}/{year}-{type}/edition-N}: the one place that
 * builds an edition folder's path and reads one back (its region, publication folder, number and
 * publication key). The {@code {year}-{type}} name itself is {@link PublicationKey#folderName()}.
 *
 * <p>An edition the tool publishes is numbered 1 to 999999 without leading zeros ({@link
 * #editionNumber}); {@code verify} also looks at any other folder named {@code edition-} and digits
 * ({@link #namedAsEdition}), so that a folder someone put there is reported, not skipped.
 */
public record OutputLayout(Path root) {

  private static final String EDITION = "edition-";

  /** The names the tool gives edition folders. */
  private static final Pattern PUBLISHED = Pattern.compile("edition-([1-9][0-9]{0,5})");

  /** Every name that reads as an edition folder's. */
  private static final Pattern NAMED = Pattern.compile("edition-[0-9]+");

  /** Levels below the output folder: region, publication, edition. */
  private static final int DEPTH = 3;

  public OutputLayout {
    Objects.requireNonNull(root, "root");
  }

  /** Where an edition of a publication lives, whether or not it is named as a key yet. */
  public record Place(String region, String publication, int edition) {

    /** The publication key its folder names, when the folder is {@code {year}-{type}}. */
    public Optional<PublicationKey> key() {
      try {
        return Optional.of(PublicationKey.parse(region, publication));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    /** {@code {region}/{publication}/edition-N}, relative to the output folder. */
    public Path relative() {
      return Path.of(region, publication, name(edition));
    }
  }

  /** Where edition {@code n} of a publication is published. */
  public Path edition(PublicationKey key, int n) {
    return edition(key.region(), key.folderName(), n);
  }

  /** The same for a publication folder named in the history. */
  public Path edition(String region, String publication, int n) {
    return root.resolve(new Place(region, publication, n).relative());
  }

  /** An edition folder's name: {@code edition-N}. */
  public static String name(int n) {
    return EDITION + n;
  }

  /** The number of an edition folder the tool names ({@code edition-N}, N from 1 to 999999). */
  public static OptionalInt editionNumber(String folderName) {
    Matcher m = PUBLISHED.matcher(folderName);
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** Whether a folder's name reads as an edition's ({@code edition-} and digits). */
  public static boolean namedAsEdition(String folderName) {
    return NAMED.matcher(folderName).matches();
  }

  /** The place of an edition folder of this output folder; empty for any other path. */
  public Optional<Place> parse(Path folder) {
    if (!folder.startsWith(root)) {
      return Optional.empty();
    }
    Path rel = root.relativize(folder);
    if (rel.getNameCount() != DEPTH || rel.toString().isEmpty()) {
      return Optional.empty();
    }
    OptionalInt n = editionNumber(rel.getName(2).toString());
    return n.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Place(rel.getName(0).toString(), rel.getName(1).toString(), n.getAsInt()));
  }

  /**
   * The output folder an edition folder belongs to ({@code {output}/{region}/{pub}/edition-N}); a
   * path too short to be one gives its root.
   */
  public static Path outputOf(Path editionFolder) {
    Path p = editionFolder;
    for (int i = 0; i < DEPTH && p != null; i++) {
      p = p.getParent();
    }
    return p == null ? editionFolder.getRoot() : p;
  }

  /**
   * Every {@code manifest.json} of an edition folder the tool names, sorted; of one region only, or
   * of all ({@code null}).
   */
  public List<Path> manifests(String onlyRegion) {
    Path from = onlyRegion == null ? root : root.resolve(onlyRegion);
    int depth = onlyRegion == null ? DEPTH + 1 : DEPTH;
    if (!Files.isDirectory(from)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(from, depth)) {
      return walk.filter(p -> p.getFileName().toString().equals(Manifest.FILE))
          .filter(p -> from.relativize(p).getNameCount() == depth)
          .filter(p -> editionNumber(p.getParent().getFileName().toString()).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every folder named as an edition's, with or without a manifest, sorted. */
  public List<Path> editionFolders() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root, DEPTH)) {
      return walk.filter(Files::isDirectory)
          .filter(p -> root.relativize(p).getNameCount() == DEPTH)
          .filter(p -> namedAsEdition(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }
}
