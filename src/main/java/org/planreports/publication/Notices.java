package org.planreports.publication;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Which correction notice (更正说明) a publication may carry, and which it prints: the notice policy as
 * pure functions of the latest edition history records, what of the earlier editions is on disk and
 * the figures this run composed (the job's {@code RenderTasklet} renders what they say). Plain
 * functions over records with table tests ({@code NoticesTest}), as STYLE.md asks of the
 * assessment.
 *
 * @param baseline the latest edition's own notice, rebuilt (the same figures against the edition
 *     before it, with its reason), when the figures are still the latest edition's; rendering with
 *     it reproduces that edition
 * @param fresh in a rerun, the notice of the next edition against the latest one
 */
public record Notices(Optional<CorrectionNotice> baseline, Optional<CorrectionNotice> fresh) {

  /** No notice: a first edition, or a run that corrects nothing. */
  public static final Notices NONE = new Notices(Optional.empty(), Optional.empty());

  /** The published editions of the publication, read only as a rule needs them. */
  public interface Editions {
    /** Whether edition {@code n}'s folder is in the output folder. */
    boolean onDisk(int n);

    /** Whether edition {@code n} was published with a correction notice. */
    boolean hasNotice(int n);

    /** Edition {@code n}'s companion CSVs ({@link CorrectionNotice#companionsIn}). */
    Map<String, byte[]> companions(int n);
  }

  /**
   * The notices of a publication.
   *
   * @param latest the latest edition's number (0: none yet)
   * @param latestReason the reason the latest edition was published with, or null
   * @param rerun whether this run is a {@code rerun}
   * @param reason the rerun's reason
   * @param now this run's companion CSVs
   */
  public static Notices of(
      int latest,
      String latestReason,
      boolean rerun,
      String reason,
      Map<String, byte[]> now,
      Editions editions) {
    if (latest == 0) {
      return NONE;
    }
    if (!editions.onDisk(latest)) {
      // The latest edition is gone from disk (history MISSING). A correction is rendered with its
      // notice against the edition before, as it was published, so that a run with the same
      // figures rebuilds it byte-identical (PublishDecision compares).
      Optional<CorrectionNotice> rebuilt =
          latestReason == null || latestReason.isBlank() || !editions.onDisk(latest - 1)
              ? Optional.empty()
              : Optional.of(
                  new CorrectionNotice(
                      latest,
                      latest - 1,
                      latestReason,
                      CorrectionNotice.compare(editions.companions(latest - 1), now)));
      return new Notices(rerun ? Optional.empty() : rebuilt, Optional.empty());
    }
    var changes = CorrectionNotice.compare(editions.companions(latest), now);
    Optional<CorrectionNotice> baseline = Optional.empty();
    if (changes.isEmpty() && editions.hasNotice(latest) && editions.onDisk(latest - 1)) {
      baseline =
          Optional.of(
              new CorrectionNotice(
                  latest,
                  latest - 1,
                  latestReason,
                  CorrectionNotice.compare(editions.companions(latest - 1), now)));
    }
    Optional<CorrectionNotice> fresh =
        rerun
            ? Optional.of(new CorrectionNotice(latest + 1, latest, reason, changes))
            : Optional.empty();
    return new Notices(baseline, fresh);
  }

  /**
   * The notice the publication prints: the baseline unless this is a rerun; the fresh one when a
   * figure of its tables changed; when none did, the baseline if the publication is still the
   * latest edition ({@code sameAsLatest}: its figures digest, or its files), else the fresh one —
   * only another printed figure changed, and that is a new edition with a notice.
   */
  public Optional<CorrectionNotice> printed(SameAsLatest sameAsLatest) throws IOException {
    if (fresh.isEmpty()) {
      return baseline;
    }
    if (!fresh.get().changes().isEmpty()) {
      return fresh;
    }
    return sameAsLatest.same() ? baseline : fresh;
  }

  /** Whether the publication, with the baseline notice, is still the latest edition. */
  @FunctionalInterface
  public interface SameAsLatest {
    boolean same() throws IOException;
  }
}
