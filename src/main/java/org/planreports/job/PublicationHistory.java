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
import java.util.Set;
import java.util.stream.Stream;
import org.planreports.ingest.InputSet;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.LinkGuard;
import org.planreports.publication.Manifest;
import org.planreports.publication.ManifestCheck;
import org.planreports.publication.OperatorText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publication history as one transaction with the output folder: an edition is recorded PENDING
 * (and committed) before its folder is moved into the output, PUBLISHED after. At the start of
 * every run {@link #reconcile} makes the two agree again, whatever interrupted the last one.
 *
 * <p>Each change is committed on its own, outside the step's transaction, so that what the history
 * says is on disk is never rolled back after the folder was moved. Beside the database a small
 * file, {@value #CHECK_FILE}, records a digest of the history after (and, while a change is being
 * made, also before) every change: a database that opens with another history was not closed
 * cleanly or was damaged, and is not trusted.
 */
@Component
public class PublicationHistory {

  public static final String PENDING = "PENDING";
  public static final String PUBLISHED = "PUBLISHED";

  /** An edition a run found missing from its output folder, until it is rebuilt or restored. */
  public static final String MISSING = "MISSING";

  public static final String CHECK_FILE = "publication-history.check";

  /** One row of the history with its status. */
  public record Row(StateStore.Edition edition, String status) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  /** Whether the check file guards this database: the H2 file only ({@link StateDatabase}). */
  private final boolean checked;

  PublicationHistory(
      JdbcTemplate jdbc,
      PlatformTransactionManager tm,
      @Value("${spring.datasource.url:}") String url) {
    this.jdbc = jdbc;
    this.checked = !url.startsWith("jdbc:postgresql:");
    this.own = new TransactionTemplate(tm);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public List<Row> rows() {
    return jdbc.query(
        "SELECT * FROM pr_publication ORDER BY region, publication, edition, output_folder",
        (rs, i) -> new Row(StateStore.edition(rs), rs.getString("status")));
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
          insert(e, PENDING);
          if (manifestDigest != null) {
            setManifestDigest(e, manifestDigest);
          }
          if (figuresDigest != null) {
            jdbc.update(
                "UPDATE pr_publication SET figures_digest = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
                figuresDigest,
                e.output().toString(),
                e.region(),
                e.publication(),
                e.edition());
          }
        });
  }

  void markPublished(Path state, StateStore.Edition e) {
    change(
        state,
        () ->
            jdbc.update(
                "UPDATE pr_publication SET status = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
                PUBLISHED,
                e.output().toString(),
                e.region(),
                e.publication(),
                e.edition()));
  }

  /** An edition whose folder a run found gone from the output: kept in history, marked. */
  void markMissing(Path state, StateStore.Edition e) {
    change(
        state,
        () ->
            jdbc.update(
                "UPDATE pr_publication SET status = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
                MISSING,
                e.output().toString(),
                e.region(),
                e.publication(),
                e.edition()));
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

  private void insert(StateStore.Edition e, String status) {
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
        status);
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
    if (h2 == null) {
      h2 =
          jdbc.execute(
              (org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                  c -> c.getMetaData().getDatabaseProductName().equals("H2"));
    }
    if (Boolean.TRUE.equals(h2)) {
      jdbc.execute("CHECKPOINT");
    }
  }

  private Boolean h2;

  // ---- the check file

  /**
   * Whether the database holds a history the check file expects (or there is no check file yet: a
   * state folder from before it). A shared database is not checked against one state folder's file:
   * only the history is read, which is what an unreachable one fails on.
   */
  public boolean matchesCheck(Path state) {
    String now = digest();
    Path f = state.resolve(CHECK_FILE);
    if (!checked || !Files.isRegularFile(f)) {
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
    if (!checked) {
      return;
    }
    AtomicFiles.write(state.resolve(CHECK_FILE), (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  // ---- reconciling history and disk

  /**
   * Makes history and the output folder agree: a PENDING edition whose folder is complete is
   * PUBLISHED, one whose folder is not is rolled back (row and partial folder removed); an edition
   * folder with a consistent manifest that history does not know (a deleted state folder, a run
   * with another state folder) is adopted. Returns one line per thing done, for the operator.
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
    Set<String> known = new HashSet<>();
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
      if (r.status().equals(PENDING)) {
        if (complete(folder) && contentDigest(folder).equals(e.contentDigest())) {
          markPublished(state, e);
          done.add("已完成上次中断的发布（文件已全部就位，记入发布历史）：" + folder);
        } else {
          remove(state, e);
          AtomicFiles.deleteTree(AtomicFiles.partial(folder));
          if (!complete(folder)) {
            // A folder is moved in whole, so an incomplete one is what the interrupted run left.
            AtomicFiles.deleteTree(folder);
          }
          // A complete folder with other content was published by another run: adopted below.
          done.add("已撤销上次未完成的发布（未记入发布历史，未完成的文件已删除）：" + folder);
          continue;
        }
      }
      known.add(e.region() + "/" + e.publication() + "/" + e.edition());
      boolean onDisk = Files.isDirectory(folder);
      if (r.status().equals(MISSING)
          && onDisk
          && complete(folder)
          && contentDigest(folder).equals(e.contentDigest())) {
        markPublished(state, e);
        done.add(OperatorText.get("links.history.found", folder));
      } else if (!onDisk) {
        if (!r.status().equals(MISSING)) {
          markMissing(state, e);
        }
        // A run of this publication rebuilds it (or says why it cannot): PublishTasklet.
        done.add(OperatorText.get("links.history.missing", folder));
      }
    }
    for (Path manifest :
        manifests(
            onlyRegion == null ? output : output.resolve(onlyRegion), onlyRegion == null ? 4 : 3)) {
      Path folder = manifest.getParent();
      Map<String, String> h = header(manifest);
      String region = folder.getParent().getParent().getFileName().toString();
      String publication = folder.getParent().getFileName().toString();
      String edition = folder.getFileName().toString().substring("edition-".length());
      if (!region.equals(h.get("region"))
          || !publication.equals(h.get("publication"))
          || !edition.equals(h.get("edition"))
          || known.contains(region + "/" + publication + "/" + edition)) {
        continue;
      }
      if (!complete(folder)) {
        done.add("输出目录中的 " + folder + " 不在发布历史中，且与其 manifest.json 不一致，未记入（请用 verify 核对）");
        continue;
      }
      StateStore.Edition adopted =
          new StateStore.Edition(
              region,
              publication,
              Integer.parseInt(edition),
              contentDigest(folder),
              folder.toString(),
              0,
              h.get("reason"),
              modified(manifest));
      String figures = h.get("figures_digest");
      change(
          state,
          () -> {
            insert(adopted, PUBLISHED);
            setManifestDigest(adopted, sha256(manifest));
            if (figures != null && figures.matches("[0-9a-f]{64}")) {
              jdbc.update(
                  "UPDATE pr_publication SET figures_digest = ? WHERE output_folder = ? AND region = ? AND publication = ? AND edition = ?",
                  figures,
                  adopted.output().toString(),
                  adopted.region(),
                  adopted.publication(),
                  adopted.edition());
            }
          });
      done.add("发布历史中没有输出目录里的 " + folder + "，已按其 manifest.json 补记");
    }
    return done;
  }

  /** Every {@code {region}/{publication}/edition-N/manifest.json} under the output folder. */
  public static List<Path> manifests(Path output) {
    return manifests(output, 4);
  }

  /** Every manifest {@code depth} levels below {@code root} in an edition folder. */
  private static List<Path> manifests(Path output, int depth) {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(output, depth)) {
      return walk.filter(p -> p.getFileName().toString().equals(Manifest.FILE))
          .filter(p -> output.relativize(p).getNameCount() == depth)
          .filter(p -> p.getParent().getFileName().toString().matches("edition-[1-9][0-9]{0,5}"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether an edition folder holds exactly what its manifest lists, unchanged. */
  public static boolean complete(Path folder) {
    Path manifest = folder.resolve(Manifest.FILE);
    try {
      return Files.isRegularFile(manifest) && ManifestCheck.check(manifest).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, String> header(Path manifest) {
    try {
      return Manifest.header(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** The digest that decides whether a publication changed (PDF and companion CSVs). */
  public static String contentDigest(Path folder) {
    try {
      return FileDigests.contentDigestOfFiles(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
