package org.planreports.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planreports.ingest.InputSet;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.ContentDigest;
import org.planreports.publication.HistoryStatus;
import org.planreports.publication.LinkGuard;
import org.planreports.publication.Manifest;
import org.planreports.publication.OutputLayout;
import org.planreports.publication.Reconciliation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publication history as one transaction with the output folder: an edition is recorded PENDING
 * (and committed) before its folder is moved into the output, PUBLISHED after. At the start of
 * every run {@link #reconcile} makes the two agree again, whatever interrupted the last one: the
 * rules are {@link Reconciliation}'s, and this class carries them out on its rows and the disk. It
 * holds the JDBC access to {@code pr_publication}; what to record and when is the publication
 * package's ({@link org.planreports.publication.PublishDecision}, {@link HistoryStatus}).
 *
 * <p>Each change is committed on its own, outside the step's transaction, so that what the history
 * says is on disk is never rolled back after the folder was moved. Beside the database a small
 * file, {@value #CHECK_FILE}, records a digest of the history after (and, while a change is being
 * made, also before) every change: a database that opens with another history was not closed
 * cleanly or was damaged, and is not trusted.
 */
@Component
public class PublicationHistory {

  public static final String PENDING = HistoryStatus.PENDING.name();
  public static final String PUBLISHED = HistoryStatus.PUBLISHED.name();

  /** An edition a run found missing from its output folder, until it is rebuilt or restored. */
  public static final String MISSING = HistoryStatus.MISSING.name();

  public static final String CHECK_FILE = "publication-history.check";

  /** One row of the history with its status. */
  public record Row(StateStore.Edition edition, HistoryStatus status) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  /**
   * The database the history is in, from its first connection ({@link StateDatabase.Kind#of}): the
   * check file guards the H2 file only, and only H2 is flushed to disk by hand.
   */
  private StateDatabase.Kind kind;

  PublicationHistory(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(tm);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public List<Row> rows() {
    return jdbc.query(
        "SELECT * FROM pr_publication ORDER BY region, publication, edition, output_folder",
        (rs, i) -> new Row(StateStore.edition(rs), HistoryStatus.valueOf(rs.getString("status"))));
  }

  /** A digest of every row, status included. */
  public String digest() {
    var sha = InputSet.sha256();
    for (Row r : rows()) {
      StateStore.Edition e = r.edition();
      sha.update(
          (e.region()
                  + "|"
                  + e.publication()
                  + "|"
                  + e.edition()
                  + "|"
                  + e.contentDigest()
                  + "|"
                  + r.status()
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    return InputSet.hex(sha.digest());
  }

  /** Recorded before the folder moves: committed at once, whatever the step does next. */
  void insertPending(Path state, StateStore.Edition e) {
    insertPending(state, e, null);
  }

  /** The same, with the figures digest that decides whether a later run changed its figures. */
  void insertPending(Path state, StateStore.Edition e, String figuresDigest) {
    insertPending(state, e, figuresDigest, null);
  }

  /** The same, with the digest of the manifest the edition is published with. */
  void insertPending(
      Path state, StateStore.Edition e, String figuresDigest, String manifestDigest) {
    change(
        state,
        () -> {
          insert(e, HistoryStatus.PENDING);
          if (manifestDigest != null) {
            setManifestDigest(e, manifestDigest);
          }
          if (figuresDigest != null) {
            setFiguresDigest(e, figuresDigest);
          }
        });
  }

  void markPublished(Path state, StateStore.Edition e) {
    change(state, () -> setStatus(e, HistoryStatus.PUBLISHED));
  }

  /** An edition whose folder a run found gone from the output: kept in history, marked. */
  void markMissing(Path state, StateStore.Edition e) {
    change(state, () -> setStatus(e, HistoryStatus.MISSING));
  }

  private void setStatus(StateStore.Edition e, HistoryStatus status) {
    jdbc.update(
        "UPDATE pr_publication SET status = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
        status.name(),
        e.output().toString(),
        e.region(),
        e.publication(),
        e.edition());
  }

  private void setFiguresDigest(StateStore.Edition e, String digest) {
    jdbc.update(
        "UPDATE pr_publication SET figures_digest = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
        digest,
        e.output().toString(),
        e.region(),
        e.publication(),
        e.edition());
  }

  private void setManifestDigest(StateStore.Edition e, String digest) {
    jdbc.update(
        "UPDATE pr_publication SET manifest_digest = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
        digest,
        e.output().toString(),
        e.region(),
        e.publication(),
        e.edition());
  }

  void remove(Path state, StateStore.Edition e) {
    change(
        state,
        () ->
            jdbc.update(
                "DELETE FROM pr_publication WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
                e.output().toString(),
                e.region(),
                e.publication(),
                e.edition()));
  }

  private void insert(StateStore.Edition e, HistoryStatus status) {
    jdbc.update(
        "INSERT INTO pr_publication (output_folder, region, publication, edition, content_digest, folder, job_execution_id, reason, published_at, status)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?)",
        e.output().toString(),
        e.region(),
        e.publication(),
        e.edition(),
        e.contentDigest(),
        e.folder(),
        e.jobExecutionId(),
        e.reason(),
        Timestamp.from(e.publishedAt()),
        status.name());
  }

  /**
   * One committed change, with the check file naming both histories while it is made. Changes are
   * made one at a time (the districts of a city-wide run publish concurrently), so the database
   * always holds one of the two histories the file names.
   */
  private synchronized void change(Path state, Runnable update) {
    String before = digest();
    String[] after = new String[1];
    own.executeWithoutResult(
        s -> {
          update.run();
          after[0] = digest();
          // Killed before or after the commit, the database then holds one of these two.
          writeCheck(state, before + "\n" + after[0]);
        });
    flush();
    writeCheck(state, after[0]);
  }

  /**
   * H2 writes committed changes to its file up to half a second later; a process killed in between
   * reopens an older history. The check file may only name the new history once it is on disk.
   */
  private void flush() {
    if (h2()) {
      jdbc.execute("CHECKPOINT");
    }
  }

  private synchronized boolean h2() {
    if (kind == null) {
      kind =
          jdbc.execute(
              (org.springframework.jdbc.core.ConnectionCallback<StateDatabase.Kind>)
                  StateDatabase.Kind::of);
    }
    return kind == StateDatabase.Kind.H2;
  }

  // ---- the check file

  /**
   * Whether the database holds a history the check file expects (or there is no check file yet: a
   * state folder from before it). A shared database is not checked against one state folder's file:
   * only the history is read, which is what an unreachable one fails on.
   */
  public boolean matchesCheck(Path state) {
    String now = digest();
    Path f = state.resolve(CHECK_FILE);
    if (!h2() || !Files.isRegularFile(f)) {
      return true;
    }
    try {
      return Files.readAllLines(f, StandardCharsets.UTF_8).contains(now);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the history as it is now (after a run, or after a database was trusted again). */
  public synchronized void recordCheck(Path state) {
    writeCheck(state, digest());
  }

  private void writeCheck(Path state, String text) {
    if (!h2()) {
      return;
    }
    AtomicFiles.write(state.resolve(CHECK_FILE), (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  // ---- reconciling history and disk

  /**
   * Makes history and the output folder agree ({@link Reconciliation}: the rules; here they are
   * carried out). Returns one line per thing done, for the operator.
   */
  public List<String> reconcile(Path state, Path output) {
    return reconcile(state, output, null);
  }

  /**
   * The same for one region's editions only ({@code null}: all): with a shared database each
   * district is reconciled under its own lock, while other processes publish other districts.
   */
  public List<String> reconcile(Path state, Path output, String onlyRegion) {
    List<String> done = new ArrayList<>();
    Set<OutputLayout.Place> known = new HashSet<>();
    for (Row r : rows()) {
      if (onlyRegion != null && !r.edition().region().equals(onlyRegion)) {
        continue;
      }
      StateStore.Edition e = r.edition();
      Path folder = Path.of(e.folder());
      if (!e.output().equals(output)) {
        // Each output folder has its editions; another output's are made to agree by the runs
        // into it (with a shared database, under their own locks, perhaps right now).
        continue;
      }
      // Nothing is deleted or marked through a link planted on the way to the edition.
      LinkGuard.refuseLinks(output, folder);
      LinkGuard.refuseLinks(output, AtomicFiles.partial(folder));
      Reconciliation.Step step = Reconciliation.step(r.status(), onDisk(folder, e));
      switch (step) {
        case FINISH, FOUND -> markPublished(state, e);
        case MARK_MISSING -> markMissing(state, e);
        case ROLL_BACK -> {
          remove(state, e);
          AtomicFiles.deleteTree(AtomicFiles.partial(folder));
          if (!Reconciliation.complete(folder)) {
            // A folder is moved in whole, so an incomplete one is what the interrupted run left.
            AtomicFiles.deleteTree(folder);
          }
          // A complete folder with other content was published by another run: adopted below.
        }
        case KEEP, STILL_MISSING -> {}
      }
      step.say(folder).ifPresent(done::add);
      if (step.kept()) {
        known.add(new OutputLayout.Place(e.region(), e.publication(), e.edition()));
      }
    }
    OutputLayout layout = new OutputLayout(output);
    for (Path manifest : layout.manifests(onlyRegion)) {
      Path folder = manifest.getParent();
      OutputLayout.Place place = layout.parse(folder).orElseThrow();
      Map<String, String> h = header(manifest);
      Reconciliation.Adoption adoption =
          Reconciliation.adoption(
              place, h, known.contains(place), () -> Reconciliation.complete(folder));
      if (adoption == Reconciliation.Adoption.ADOPT) {
        adopt(state, place, folder, manifest, h);
      }
      adoption.say(folder).ifPresent(done::add);
    }
    return done;
  }

  /** A recorded edition's folder, hashed only if a rule asks. */
  private static Reconciliation.Folder onDisk(Path folder, StateStore.Edition e) {
    return new Reconciliation.Folder() {
      @Override
      public boolean exists() {
        return Files.isDirectory(folder);
      }

      @Override
      public boolean complete() {
        return Reconciliation.complete(folder);
      }

      @Override
      public boolean recordedContent() {
        return contentDigest(folder).equals(e.contentDigest());
      }
    };
  }

  /** Records an edition folder history did not know, PUBLISHED, from its manifest. */
  private void adopt(
      Path state, OutputLayout.Place place, Path folder, Path manifest, Map<String, String> h) {
    StateStore.Edition adopted =
        new StateStore.Edition(
            place.region(),
            place.publication(),
            place.edition(),
            contentDigest(folder),
            folder.toString(),
            0,
            h.get("reason"),
            modified(manifest));
    Optional<String> figures = Reconciliation.adoptedFigures(h);
    change(
        state,
        () -> {
          insert(adopted, HistoryStatus.PUBLISHED);
          setManifestDigest(adopted, sha256(manifest));
          figures.ifPresent(f -> setFiguresDigest(adopted, f));
        });
  }

  private static Map<String, String> header(Path manifest) {
    try {
      return Manifest.header(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static String contentDigest(Path folder) {
    return ContentDigest.ofFolder(folder);
  }

  private static String sha256(Path f) {
    try {
      return InputSet.hex(InputSet.sha256().digest(Files.readAllBytes(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant modified(Path f) {
    try {
      return Files.getLastModifiedTime(f).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }
}
