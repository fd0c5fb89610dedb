package org.planreports.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.planreports.core.Finding;
import org.planreports.core.Severity;
import org.planreports.validation.StagedValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tool's own tables in the H2 state database, beside the Spring Batch job repository: staged
 * extract rows, findings and the publication history ({@link StagedResults} holds each stage's
 * intermediate results). Every row of a run is keyed by its job instance id, so a restarted run
 * finds what it already did.
 */
@Component
public class StateStore {

  /** One published edition. */
  public record Edition(
      String region,
      String publication,
      int edition,
      String contentDigest,
      String folder,
      long jobExecutionId,
      String reason,
      Instant publishedAt) {

    /**
     * The output folder the edition belongs to: {@code folder} is
     * {output}/{region}/{pub}/edition-N.
     */
    public java.nio.file.Path output() {
      return org.planreports.publication.OutputLayout.outputOf(java.nio.file.Path.of(folder));
    }
  }

  private final JdbcTemplate jdbc;

  public StateStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void clearRun(long runKey) {
    jdbc.update("DELETE FROM pr_staged_value WHERE run_key = ?", runKey);
    jdbc.update("DELETE FROM pr_finding WHERE run_key = ?", runKey);
    new StagedResults(jdbc).clear(runKey);
    jdbc.update("DELETE FROM pr_region_rows WHERE run_key = ?", runKey);
  }

  public void insertStaged(long runKey, List<StagedValue> values) {
    jdbc.batchUpdate(
        "INSERT INTO pr_staged_value (run_key, file, line, region, yr, item, val, raw, preliminary, sample, source, note)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        values,
        values.size(),
        (ps, v) -> {
          ps.setLong(1, runKey);
          ps.setString(2, v.file());
          ps.setLong(3, v.line());
          ps.setString(4, v.region());
          ps.setInt(5, v.year());
          ps.setString(6, v.item());
          ps.setString(7, v.value() == null ? null : v.value().toPlainString());
          ps.setString(8, v.raw());
          ps.setBoolean(9, v.preliminary());
          ps.setBoolean(10, v.sample());
          ps.setString(11, v.source());
          ps.setString(12, v.note());
        });
  }

  /** Staged rows in the order they were read: by file, then line. */
  public List<StagedValue> staged(long runKey) {
    return jdbc.query(
        "SELECT * FROM pr_staged_value WHERE run_key = ? ORDER BY file, line",
        (rs, i) ->
            new StagedValue(
                rs.getString("file"),
                rs.getLong("line"),
                rs.getString("region"),
                rs.getInt("yr"),
                rs.getString("item"),
                rs.getString("val") == null ? null : new BigDecimal(rs.getString("val")),
                rs.getString("raw"),
                rs.getBoolean("preliminary"),
                rs.getBoolean("sample"),
                rs.getString("source"),
                rs.getString("note")),
        runKey);
  }

  /** Adds to the rows counted per file and region code (in the chunk's transaction). */
  public void addRegionRows(long runKey, java.util.Map<String, java.util.Map<String, Long>> rows) {
    rows.forEach(
        (file, regions) ->
            regions.forEach(
                (region, n) -> {
                  int updated =
                      jdbc.update(
                          "UPDATE pr_region_rows SET n = n + ? WHERE run_key = ? AND file = ? AND region = ?",
                          n,
                          runKey,
                          file,
                          region);
                  if (updated == 0) {
                    jdbc.update(
                        "INSERT INTO pr_region_rows (run_key, file, region, n) VALUES (?,?,?,?)",
                        runKey,
                        file,
                        region,
                        n);
                  }
                }));
  }

  /** Per file, the rows read of each other region code and the valid rows of the plan's. */
  public java.util.Map<String, java.util.Map<String, Long>> regionRows(long runKey) {
    java.util.Map<String, java.util.Map<String, Long>> rows = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT file, region, n FROM pr_region_rows WHERE run_key = ?",
        rs -> {
          rows.computeIfAbsent(rs.getString(1), f -> new java.util.TreeMap<>())
              .put(rs.getString(2), rs.getLong(3));
        },
        runKey);
    return rows;
  }

  /**
   * Deletes the staged rows, counts and findings of runs that completed (their publications and
   * reports are written; nothing reads them again), so the state database does not grow with every
   * run. Runs that failed keep theirs: the same command resumes them.
   */
  public int pruneFinished(long keep) {
    String finished =
        " WHERE run_key <> ? AND run_key IN (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION"
            + " WHERE STATUS = 'COMPLETED')";
    int n = jdbc.update("DELETE FROM pr_staged_value" + finished, keep);
    jdbc.update("DELETE FROM pr_region_rows" + finished, keep);
    jdbc.update("DELETE FROM pr_finding" + finished, keep);
    return n;
  }

  /** Deletes the staged rows of a run that completed; its counts and findings stay. */
  public int dropStaged(long runKey) {
    return jdbc.update("DELETE FROM pr_staged_value WHERE run_key = ?", runKey);
  }

  public void insertFindings(long runKey, List<Finding> findings) {
    jdbc.batchUpdate(
        "INSERT INTO pr_finding (run_key, severity, code, file, line, col, txt, message, expected) VALUES (?,?,?,?,?,?,?,?,?)",
        findings,
        findings.size(),
        (ps, f) -> {
          ps.setLong(1, runKey);
          ps.setString(2, f.severity().name());
          ps.setString(3, f.code());
          ps.setString(4, f.file());
          ps.setLong(5, f.line());
          ps.setString(6, f.column());
          ps.setString(7, f.text());
          ps.setString(8, f.message());
          ps.setString(9, f.expected());
        });
  }

  public void deleteFindings(long runKey, List<String> codes) {
    for (String code : codes) {
      jdbc.update("DELETE FROM pr_finding WHERE run_key = ? AND code = ?", runKey, code);
    }
  }

  public List<Finding> findings(long runKey) {
    return jdbc.query(
        "SELECT * FROM pr_finding WHERE run_key = ? ORDER BY file, line, col, code, message, txt",
        (rs, i) ->
            new Finding(
                Severity.valueOf(rs.getString("severity")),
                rs.getString("code"),
                rs.getString("file"),
                rs.getLong("line"),
                rs.getString("col"),
                rs.getString("txt"),
                rs.getString("message"),
                rs.getString("expected")),
        runKey);
  }

  /** The latest edition of a publication in one output folder (whatever its status). */
  public Optional<Edition> latestEdition(
      java.nio.file.Path output, String region, String publication) {
    return editions(output, region, publication).stream().reduce((a, b) -> b);
  }

  /** A publication's editions in one output folder: each output folder has editions of its own. */
  public List<Edition> editions(java.nio.file.Path output, String region, String publication) {
    return jdbc.query(
        "SELECT * FROM pr_publication WHERE output_folder = ? AND region = ? AND publication = ?"
            + " ORDER BY edition",
        (rs, i) -> edition(rs),
        output.toString(),
        region,
        publication);
  }

  /** The editions of a publication in one output folder that a run found missing from disk. */
  public List<Integer> missingEditions(
      java.nio.file.Path output, String region, String publication) {
    return jdbc.queryForList(
        "SELECT edition FROM pr_publication WHERE output_folder = ? AND region = ? AND publication = ?"
            + " AND status = ? ORDER BY edition",
        Integer.class,
        output.toString(),
        region,
        publication,
        PublicationHistory.MISSING);
  }

  /** The manifest digest an edition was recorded with; empty for editions recorded before it. */
  public Optional<String> manifestDigest(java.nio.file.Path output, Edition e) {
    List<String> rows =
        jdbc.queryForList(
            "SELECT manifest_digest FROM pr_publication WHERE output_folder = ? AND region = ?"
                + " AND publication = ? AND edition = ?",
            String.class,
            output.toString(),
            e.region(),
            e.publication(),
            e.edition());
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** Every edition of every output folder. */
  public List<Edition> allEditions() {
    return jdbc.query(
        "SELECT * FROM pr_publication ORDER BY output_folder, region, publication, edition",
        (rs, i) -> edition(rs));
  }

  /** Every edition of one output folder. */
  public List<Edition> allEditions(java.nio.file.Path output) {
    return jdbc.query(
        "SELECT * FROM pr_publication WHERE output_folder = ? ORDER BY region, publication, edition",
        (rs, i) -> edition(rs),
        output.toString());
  }

  /**
   * A digest of a region's corrected editions in one output folder (published by {@code rerun},
   * with a reason) and of those found missing from disk: part of a run's identity, so that after a
   * correction the same run command is a new job instance that compares with it, while a run's own
   * publishing does not change its identity — the same command after a kill, on this machine or
   * another worker, resumes it, and after success finds it done.
   */
  public String publishedDigest(java.nio.file.Path output, String region) {
    var sha = org.planreports.ingest.InputSet.sha256();
    List<String> missing = new java.util.ArrayList<>();
    jdbc.query(
        "SELECT publication, edition, content_digest, reason, status FROM pr_publication"
            + " WHERE output_folder = ? AND region = ? ORDER BY publication, edition",
        rs -> {
          String reason = rs.getString("reason");
          if (reason != null && !reason.isBlank()) {
            sha.update(
                (rs.getString("publication")
                        + "|"
                        + rs.getInt("edition")
                        + "|"
                        + rs.getString("content_digest")
                        + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
          if (PublicationHistory.MISSING.equals(rs.getString("status"))) {
            missing.add(rs.getString("publication") + "|" + rs.getInt("edition"));
          }
        },
        output.toString(),
        region);
    // An edition found missing from disk makes the same command a new run, which rebuilds it (or
    // says why it cannot); once it is back, the command is the completed run again.
    for (String m : missing) {
      sha.update(("missing|" + m + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return org.planreports.ingest.InputSet.hex(sha.digest());
  }

  /**
   * The figures digest an edition was published with ({@link
   * org.planreports.publication.FiguresDigest}); empty for an edition published before editions had
   * one, which is then compared by its content digest.
   */
  public Optional<String> figuresDigest(
      java.nio.file.Path output, String region, String publication, int edition) {
    List<String> rows =
        jdbc.queryForList(
            "SELECT figures_digest FROM pr_publication WHERE output_folder = ? AND region = ?"
                + " AND publication = ? AND edition = ?",
            String.class,
            output.toString(),
            region,
            publication,
            edition);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public void putFiguresDigest(
      java.nio.file.Path output, String region, String publication, int edition, String digest) {
    jdbc.update(
        "UPDATE pr_publication SET figures_digest = ? WHERE output_folder = ? AND region = ?"
            + " AND publication = ? AND edition = ?",
        digest,
        output.toString(),
        region,
        publication,
        edition);
  }

  static Edition edition(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Edition(
        rs.getString("region"),
        rs.getString("publication"),
        rs.getInt("edition"),
        rs.getString("content_digest"),
        rs.getString("folder"),
        rs.getLong("job_execution_id"),
        rs.getString("reason"),
        rs.getTimestamp("published_at").toInstant());
  }
}
