package org.planreports.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.planreports.plan.PublicationKey;

/**
 * Where review copies (审阅稿) go: {@code {review}/{region}/{year}-{type}/}, beside the output folder
 * and never in it (the output folder may be the public web root; unreleased figures must not appear
 * there). Each folder holds the marked PDF, its companion CSVs, the validation report, the change
 * list {@value #CHANGES} and the record {@value #RECORD} of exactly what was reviewed. The next run
 * replaces them; {@code publish} removes those it released.
 *
 * @param root the review folder ({@code --review}), resolved
 */
public record ReviewLayout(Path root) {

  /** The record of what was reviewed ({@link ReviewRecord}). */
  public static final String RECORD = "review.json";

  /** The change list against the latest edition ({@link ChangeList}), for Excel. */
  public static final String CHANGES = "changes.csv";

  public ReviewLayout {
    root = root.toAbsolutePath().normalize();
  }

  /** The review copy of a publication. */
  public Path copy(PublicationKey key) {
    return copy(key.region(), key.folderName());
  }

  /** The review copy of publication folder {@code publication} (e.g. 2023-midterm) of a region. */
  public Path copy(String region, String publication) {
    return root.resolve(region).resolve(publication);
  }

  /** The region's review copies that have a record, by publication folder name. */
  public List<Path> copies(String region) {
    Path dir = root.resolve(region);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> !AtomicFiles.isPartial(p))
          .filter(p -> Files.isRegularFile(p.resolve(RECORD)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
