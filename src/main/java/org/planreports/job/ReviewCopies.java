package org.planreports.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.ChangeList;
import org.planreports.publication.ContentDigest;
import org.planreports.publication.EditionStatus;
import org.planreports.publication.LinkGuard;
import org.planreports.publication.ReviewLayout;
import org.planreports.publication.ReviewRecord;

/**
 * The review copies of a run ({@link ReviewLayout}): written by a run without {@code --publish} in
 * place of editions, read by {@code publish}, removed once released. A review copy is written whole
 * under a hidden name and moved into place, replacing the one of the run before.
 */
final class ReviewCopies {

  /** A rendered publication as a review copy: its files, figures and what publishing would do. */
  record Copy(
      PublicationKey key, Path rendered, String figures, EditionStatus status, int edition) {}

  private final ReviewLayout layout;

  ReviewCopies(Path review) {
    this.layout = new ReviewLayout(review);
  }

  /**
   * Writes the review copies of a run; returns their folders. {@code changes} is the run's folder
   * of change lists (one {@code <publication>.csv} each, RenderTasklet).
   */
  List<String> write(List<Copy> copies, Path changes, ReviewRecord.Sources sources)
      throws IOException {
    List<String> written = new ArrayList<>();
    for (Copy c : copies) {
      Path target = layout.copy(c.key());
      LinkGuard.refuseLinks(layout.root(), target);
      Path partial = AtomicFiles.partial(target);
      LinkGuard.refuseLinks(layout.root(), partial);
      AtomicFiles.deleteTree(partial);
      Files.createDirectories(partial);
      for (Path f : ContentDigest.files(c.rendered(), true)) {
        AtomicFiles.writeFile(partial.resolve(f.getFileName()), Files.readAllBytes(f));
      }
      Path list = changes.resolve(c.key().folderName() + ".csv");
      if (Files.isRegularFile(list)) {
        AtomicFiles.writeFile(partial.resolve(ReviewLayout.CHANGES), Files.readAllBytes(list));
      }
      ReviewRecord record =
          new ReviewRecord(
              sources.toolVersion(),
              sources.planDigest(),
              c.key().region(),
              c.key().folderName(),
              kind(c.status()).id(),
              c.edition(),
              c.figures() == null ? "" : c.figures(),
              sources);
      AtomicFiles.writeFile(partial.resolve(ReviewLayout.RECORD), record.write());
      // The copy of the run before goes only when this one is complete.
      AtomicFiles.deleteTree(target);
      AtomicFiles.move(partial, target);
      written.add(target.toString());
    }
    // The review folder holds what the last run reviewed, nothing older: copies of publications
    // this run did not make (another --year, or no longer supported by the data) go.
    for (String region : copies.stream().map(c -> c.key().region()).distinct().toList()) {
      for (Path old : layout.copies(region)) {
        if (!written.contains(old.toString())) {
          AtomicFiles.deleteTree(old);
        }
      }
    }
    return written;
  }

  /** What the change list calls a decision (a rerun's decision, see PublishTasklet). */
  static ChangeList.Kind kind(EditionStatus status) {
    return switch (status) {
      case FIRST -> ChangeList.Kind.NEW;
      case UNCHANGED, RESTORED -> ChangeList.Kind.UNCHANGED;
      default -> ChangeList.Kind.CHANGED;
    };
  }

  /** The record of a publication's review copy, if it has one. */
  Optional<ReviewRecord> record(PublicationKey key) {
    Path file = layout.copy(key).resolve(ReviewLayout.RECORD);
    LinkGuard.refuseLinks(layout.root(), file);
    return Files.isRegularFile(file) ? ReviewRecord.read(file) : Optional.empty();
  }

  /** Removes a publication's review copy once it is released (or found unchanged). */
  void remove(PublicationKey key) {
    Path copy = layout.copy(key);
    LinkGuard.refuseLinks(layout.root(), copy);
    AtomicFiles.deleteTree(copy);
  }
}
