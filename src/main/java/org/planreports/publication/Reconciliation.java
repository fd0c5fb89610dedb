package org.planreports.publication;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.planreports.core.Messages;

/**
 * How the publication history and the output folder are made to agree at the start of a run,
 * whatever interrupted the last one: the rules, as pure functions; the job's {@code
 * PublicationHistory} reads the rows, asks, and carries out each step (its rows, its check file).
 *
 * <p>A PENDING edition whose folder is complete is PUBLISHED, one whose folder is not is rolled
 * back (row and partial folder removed); a recorded edition whose folder is gone is marked MISSING
 * (a run of the publication rebuilds it or says why it cannot), and PUBLISHED again when it is
 * back; an edition folder with a consistent manifest that history does not know (a deleted state
 * folder, a run with another state folder) is adopted.
 *
 * <p>Plain functions with table tests ({@code ReconciliationTest}), as STYLE.md asks of the
 * assessment; a folder's facts are asked through {@link Folder}, so nothing is hashed that a rule
 * does not need.
 */
public final class Reconciliation {

  private static final Messages WORDS = Messages.bundle("publication");

  private Reconciliation() {}

  /** What is known of a recorded edition's folder, asked only as a rule needs it. */
  public interface Folder {
    boolean exists();

    /** Whether it holds exactly what its manifest lists, unchanged ({@link #complete(Path)}). */
    boolean complete();

    /** Whether its content digest is the one history recorded. */
    boolean recordedContent();
  }

  /** What is done with a recorded edition, and what the operator is told (null: nothing). */
  public enum Step {
    /** History and disk agree. */
    KEEP(null),
    /** PENDING, its folder complete: marked PUBLISHED. */
    FINISH("publication.reconcile.finished"),
    /**
     * PENDING, its folder not in place: the row and the partial folder go, and the folder too
     * unless it is complete (then another run published it, and it is adopted).
     */
    ROLL_BACK("publication.reconcile.rolledBack"),
    /** MISSING, its folder back and as recorded: PUBLISHED again. */
    FOUND(null),
    /** Its folder is gone: marked MISSING. */
    MARK_MISSING(null),
    /** Its folder is still gone (MISSING already). */
    STILL_MISSING(null);

    private final String key;

    Step(String key) {
      this.key = key;
    }

    /** Whether the edition stays in history after this step. */
    public boolean kept() {
      return this != ROLL_BACK;
    }

    /** The operator's line for this step on {@code folder}; empty for {@link #KEEP}. */
    public Optional<String> say(Path folder) {
      return switch (this) {
        case KEEP -> Optional.empty();
        case FOUND -> Optional.of(OperatorText.get("links.history.found", folder));
        case MARK_MISSING, STILL_MISSING ->
            Optional.of(OperatorText.get("links.history.missing", folder));
        default -> Optional.of(WORDS.format(key, folder));
      };
    }
  }

  /** The step for a recorded edition in {@code status} whose folder is {@code folder}. */
  public static Step step(HistoryStatus status, Folder folder) {
    if (status == HistoryStatus.PENDING) {
      return folder.complete() && folder.recordedContent() ? Step.FINISH : Step.ROLL_BACK;
    }
    boolean onDisk = folder.exists();
    if (status == HistoryStatus.MISSING
        && onDisk
        && folder.complete()
        && folder.recordedContent()) {
      return Step.FOUND;
    }
    if (!onDisk) {
      return status == HistoryStatus.MISSING ? Step.STILL_MISSING : Step.MARK_MISSING;
    }
    return Step.KEEP;
  }

  /** What is done with an edition folder on disk, by its manifest. */
  public enum Adoption {
    /** Not one the rules look at: its manifest names another place, or history knows it. */
    SKIP,
    /** Unknown to history and not as its manifest lists: left for {@code verify}. */
    INCONSISTENT,
    /** Unknown to history, complete: recorded PUBLISHED from its manifest. */
    ADOPT;

    /** The operator's line for {@code folder}; empty for {@link #SKIP}. */
    public Optional<String> say(Path folder) {
      return switch (this) {
        case SKIP -> Optional.empty();
        case INCONSISTENT ->
            Optional.of(WORDS.format("publication.reconcile.inconsistent", folder));
        case ADOPT -> Optional.of(WORDS.format("publication.reconcile.adopted", folder));
      };
    }
  }

  /**
   * The adoption of the edition folder at {@code place} whose manifest has {@code header}.
   *
   * @param known whether history has an edition at that place (one not rolled back)
   * @param complete whether the folder is what its manifest lists; asked only when needed
   */
  public static Adoption adoption(
      OutputLayout.Place place,
      Map<String, String> header,
      boolean known,
      BooleanSupplier complete) {
    if (!place.region().equals(header.get("region"))
        || !place.publication().equals(header.get("publication"))
        || !String.valueOf(place.edition()).equals(header.get("edition"))
        || known) {
      return Adoption.SKIP;
    }
    return complete.getAsBoolean() ? Adoption.ADOPT : Adoption.INCONSISTENT;
  }

  /** The figures digest an adopted edition is recorded with: its manifest's, if it is one. */
  public static Optional<String> adoptedFigures(Map<String, String> header) {
    String figures = header.get("figures_digest");
    return figures != null && figures.matches("[0-9a-f]{64}")
        ? Optional.of(figures)
        : Optional.empty();
  }

  /** Whether an edition folder holds exactly what its manifest lists, unchanged. */
  public static boolean complete(Path folder) {
    Path manifest = folder.resolve(Manifest.FILE);
    try {
      return java.nio.file.Files.isRegularFile(manifest) && ManifestCheck.check(manifest).isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
