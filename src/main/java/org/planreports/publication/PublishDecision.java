package org.planreports.publication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a rendered publication is published, and as which edition: the publication policy as a
 * pure function of what history records of its latest edition and what this run rendered (the step
 * that carries it out is the job's {@code PublishTasklet}). Its table tests are in {@code
 * PublishDecisionTest}, as the assessment's are (STYLE.md: plain functions over records, tested
 * with {@code @ParameterizedTest} tables).
 *
 * @param status what becomes of the publication
 * @param edition the edition concerned: the one published (first, corrected, restored), or the
 *     latest one (unchanged, refused, unrebuildable)
 * @param reason the correction reason its manifest gives (with the edition it corrects), or null
 * @param lost editions in history but gone from disk that this run cannot rebuild: any makes the
 *     run publish nothing
 */
public record PublishDecision(
    EditionStatus status, int edition, String reason, List<Integer> lost) {

  public PublishDecision {
    Objects.requireNonNull(status, "status");
    lost = List.copyOf(lost);
  }

  /**
   * The latest edition of the publication as history records it.
   *
   * @param figuresDigest its figures digest; empty for an edition published before they had one
   * @param manifestDigest the digest of the manifest it was published with; empty before that
   * @param reason the correction reason it was published with, or null
   * @param missing whether history found its folder gone from disk ({@link HistoryStatus#MISSING})
   */
  public record Latest(
      int edition,
      String contentDigest,
      Optional<String> figuresDigest,
      Optional<String> manifestDigest,
      String reason,
      boolean missing) {

    /** The reason it corrected an edition with; null when it corrected none. */
    public String correctionReason() {
      return reason == null || reason.isBlank() ? null : reason;
    }
  }

  /**
   * What this run rendered.
   *
   * @param contentDigest the digest of its PDF and companion CSVs
   * @param figuresDigest the digest of its own figures ({@link FiguresDigest}), or null
   */
  public record Rendered(String contentDigest, String figuresDigest) {}

  /**
   * The decision for one publication.
   *
   * @param latest the latest edition in this output folder, if any
   * @param missing every edition of it history found gone from disk, in order
   * @param rerun whether the run is a {@code rerun}, which may publish a correction
   * @param reason the rerun's reason
   * @param restoredManifest the digest of the manifest the latest edition would be rebuilt with;
   *     asked only when it could be rebuilt
   */
  public static PublishDecision decide(
      Optional<Latest> latest,
      List<Integer> missing,
      Rendered now,
      boolean rerun,
      String reason,
      RestoredManifest restoredManifest)
      throws IOException {
    int next = latest.map(e -> e.edition() + 1).orElse(1);
    if (latest.isPresent() && latest.get().missing()) {
      // Gone from disk: rebuilt when this run gives the same bytes (the tool is deterministic),
      // otherwise said (a rerun publishes the next one).
      Latest lost = latest.get();
      List<Integer> cannot = new ArrayList<>();
      PublishDecision d;
      if (lost.contentDigest().equals(now.contentDigest())
          && sameFigures(lost, now)
          && (lost.manifestDigest().isEmpty()
              || lost.manifestDigest().get().equals(restoredManifest.digest()))) {
        d =
            new PublishDecision(
                EditionStatus.RESTORED, lost.edition(), lost.correctionReason(), cannot);
      } else if (rerun) {
        d = new PublishDecision(EditionStatus.CORRECTED, next, reason, cannot);
      } else {
        cannot.add(lost.edition());
        d = new PublishDecision(EditionStatus.UNREBUILDABLE, lost.edition(), null, cannot);
      }
      if (!rerun) {
        missing.stream().filter(n -> n != lost.edition()).forEach(cannot::add);
      }
      return new PublishDecision(d.status(), d.edition(), d.reason(), cannot);
    }
    // An earlier edition gone from disk cannot be rebuilt from this run's figures.
    List<Integer> cannot = rerun ? List.of() : missing;
    if (latest.isEmpty()) {
      return new PublishDecision(EditionStatus.FIRST, 1, rerun ? reason : null, cannot);
    }
    if (unchanged(latest.get(), now)) {
      return new PublishDecision(EditionStatus.UNCHANGED, latest.get().edition(), null, cannot);
    }
    return rerun
        ? new PublishDecision(EditionStatus.CORRECTED, next, reason, cannot)
        : new PublishDecision(EditionStatus.REFUSED, latest.get().edition(), null, cannot);
  }

  /**
   * Whether a publication is its latest edition again: its own figures are the same (the figures
   * digest, which leaves out the input files' digests and names its provenance prints), or, for an
   * edition published without a figures digest, its PDF and companion CSVs are the same bytes.
   */
  static boolean unchanged(Latest latest, Rendered now) {
    if (latest.figuresDigest().isPresent() && now.figuresDigest() != null) {
      return latest.figuresDigest().get().equals(now.figuresDigest());
    }
    return latest.contentDigest().equals(now.contentDigest());
  }

  /** Whether the figures digests agree (true when either has none). */
  static boolean sameFigures(Latest latest, Rendered now) {
    return latest.figuresDigest().isEmpty()
        || now.figuresDigest() == null
        || latest.figuresDigest().get().equals(now.figuresDigest());
  }

  /** The digest of the manifest an edition would be rebuilt with, built only when asked. */
  @FunctionalInterface
  public interface RestoredManifest {
    String digest() throws IOException;
  }

  /** What a run does with all its publications' decisions. */
  public enum Verdict {
    /** An edition gone from disk cannot be rebuilt: the run fails before anything moves. */
    UNREBUILDABLE,
    /** A figure changed without {@code rerun}: nothing is published (exit code 5). */
    REFUSED,
    /** Every publication that changed is published; the others are unchanged. */
    PUBLISH
  }

  /** Every check comes before the first move, so a refusal publishes nothing at all. */
  public static Verdict verdict(List<PublishDecision> decisions) {
    if (decisions.stream().anyMatch(d -> !d.lost().isEmpty())) {
      return Verdict.UNREBUILDABLE;
    }
    if (decisions.stream().anyMatch(d -> d.status() == EditionStatus.REFUSED)) {
      return Verdict.REFUSED;
    }
    return Verdict.PUBLISH;
  }
}
