package org.planreports.job;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.assessment.Note;
import org.planreports.assessment.Status;
import org.planreports.assessment.TableAssessor;
import org.planreports.assessment.YearGrowth;
import org.planreports.core.Messages;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Kind;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.Stage;
import org.planreports.plan.TableSpec;
import org.planreports.report.PublicationPlanner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the derive and assess steps hand on, as typed rows of the state database (see
 * db/plan-reports-schema.sql): the derived indicator values with their input figures, the
 * publications a run publishes and the assessment of every target row each of them prints. The
 * render step rebuilds each publication from these rows and the plan; a resumed run, even under a
 * newer version of the tool, reads them as they are, and anyone can inspect them with SQL.
 */
@Component
public class StagedResults {

  /** A publication the run publishes, with its figures digest once render has computed it. */
  public record Staged(String publication, String figuresDigest) {}

  private static final Messages WORDS = Messages.bundle("assessment");

  private final JdbcTemplate jdbc;

  public StagedResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Forgets everything a run staged after ingest. */
  public void clear(long runKey) {
    clearDerived(runKey);
    clearAssessments(runKey);
  }

  // --- derive ---

  void clearDerived(long runKey) {
    jdbc.update("DELETE FROM pr_derived_source WHERE run_key = ?", runKey);
    jdbc.update("DELETE FROM pr_derived_value WHERE run_key = ?", runKey);
  }

  public void putDerived(long runKey, String region, IndicatorDeriver.Result result) {
    clearDerived(runKey);
    List<IndicatorValue> values = new ArrayList<>();
    result.series().values().forEach(s -> values.addAll(s.values()));
    jdbc.batchUpdate(
        "INSERT INTO pr_derived_value (run_key, region, indicator, yr, val, preliminary, sample, formula)"
            + " VALUES (?,?,?,?,?,?,?,?)",
        values,
        values.size(),
        (ps, v) -> {
          ps.setLong(1, runKey);
          ps.setString(2, region);
          ps.setString(3, v.indicator());
          ps.setInt(4, v.year());
          ps.setString(5, exact(v.value()));
          ps.setBoolean(6, v.preliminary());
          ps.setBoolean(7, v.sample());
          ps.setString(8, v.formula());
        });
    record Row(IndicatorValue value, int seq, Source source) {}
    List<Row> sources = new ArrayList<>();
    for (IndicatorValue v : values) {
      for (int i = 0; i < v.sources().size(); i++) {
        sources.add(new Row(v, i, v.sources().get(i)));
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO pr_derived_source (run_key, region, indicator, yr, seq, file, line, item, raw, val, origin)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        sources,
        sources.size(),
        (ps, r) -> {
          ps.setLong(1, runKey);
          ps.setString(2, region);
          ps.setString(3, r.value().indicator());
          ps.setInt(4, r.value().year());
          ps.setInt(5, r.seq());
          ps.setString(6, r.source().file());
          ps.setLong(7, r.source().line());
          ps.setString(8, r.source().item());
          ps.setString(9, r.source().raw());
          ps.setString(10, exact(r.source().value()));
          ps.setString(11, r.source().origin());
        });
  }

  /**
   * The derived series as the derive step staged them, in the plan's indicator order (the order
   * {@link IndicatorDeriver} gives), each year's value with its input figures. The warnings are not
   * staged: the validate step reports them.
   */
  public IndicatorDeriver.Result derived(long runKey, String region, Plan plan) {
    Map<String, List<Source>> sources = new HashMap<>();
    jdbc.query(
        "SELECT * FROM pr_derived_source WHERE run_key = ? AND region = ? ORDER BY indicator, yr, seq",
        rs -> {
          sources
              .computeIfAbsent(
                  rs.getString("indicator") + "|" + rs.getInt("yr"), k -> new ArrayList<>())
              .add(
                  new Source(
                      rs.getString("file"),
                      rs.getLong("line"),
                      rs.getString("item"),
                      rs.getString("raw"),
                      number(rs, "val"),
                      rs.getString("origin")));
        },
        runKey,
        region);
    Map<String, TreeMap<Integer, IndicatorValue>> series = new LinkedHashMap<>();
    plan.indicators().keySet().forEach(code -> series.put(code, new TreeMap<>()));
    jdbc.query(
        "SELECT * FROM pr_derived_value WHERE run_key = ? AND region = ? ORDER BY indicator, yr",
        rs -> {
          String code = rs.getString("indicator");
          int year = rs.getInt("yr");
          series
              .computeIfAbsent(code, k -> new TreeMap<>())
              .put(
                  year,
                  new IndicatorValue(
                      code,
                      year,
                      number(rs, "val"),
                      rs.getBoolean("preliminary"),
                      rs.getBoolean("sample"),
                      rs.getString("formula"),
                      sources.getOrDefault(code + "|" + year, List.of())));
        },
        runKey,
        region);
    return new IndicatorDeriver.Result(series, List.of());
  }

  // --- assess ---

  void clearAssessments(long runKey) {
    for (String table :
        List.of(
            "pr_assessment_growth", "pr_assessment_note", "pr_assessment", "pr_run_publication")) {
      jdbc.update("DELETE FROM " + table + " WHERE run_key = ?", runKey);
    }
  }

  /** Stages one publication and the assessed rows of each of its assessment tables. */
  public void putAssessments(
      long runKey, PublicationKey key, Map<String, List<AssessedRow>> byTable) {
    String pub = key.folderName();
    jdbc.update("INSERT INTO pr_run_publication (run_key, publication) VALUES (?,?)", runKey, pub);
    List<AssessedRow> rows = byTable.values().stream().flatMap(List::stream).toList();
    jdbc.batchUpdate(
        "INSERT INTO pr_assessment (run_key, publication, tbl, seq, indicator, kind, stage, attribute,"
            + " comparator, target_value, target_upper, target_year, yr, status, status_label,"
            + " baseline_year, baseline, data_year, val, time_progress_pct, completion_pct,"
            + " schedule_ratio, projection, projection_met, required_growth_pct, met, warning,"
            + " preliminary, single_years_met)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
        rows.size(),
        (ps, ar) -> {
          CatalogueRow r = ar.row();
          Assessment a = ar.assessment();
          int i = 1;
          ps.setLong(i++, runKey);
          ps.setString(i++, pub);
          ps.setString(i++, r.table());
          ps.setInt(i++, r.seq());
          ps.setString(i++, r.indicator().code());
          ps.setString(i++, a.kind().name());
          ps.setString(i++, a.stage().name());
          ps.setString(i++, r.effectiveAttribute().name());
          ps.setString(i++, r.comparator().name());
          ps.setString(i++, exact(r.targetValue()));
          ps.setString(i++, exact(r.targetUpper()));
          ps.setInt(i++, a.targetYear());
          ps.setInt(i++, a.year());
          ps.setString(i++, a.status().name());
          ps.setString(i++, a.status().label());
          ps.setObject(i++, a.baselineYear());
          ps.setString(i++, exact(a.baseline()));
          ps.setObject(i++, a.dataYear());
          ps.setString(i++, exact(a.value()));
          ps.setString(i++, exact(a.timeProgressPct()));
          ps.setString(i++, exact(a.completionPct()));
          ps.setString(i++, exact(a.scheduleRatio()));
          ps.setString(i++, exact(a.projection()));
          ps.setObject(i++, a.projectionMet());
          ps.setString(i++, exact(a.requiredAnnualGrowthPct()));
          ps.setBoolean(i++, a.met());
          ps.setBoolean(i++, a.warning());
          ps.setBoolean(i++, a.preliminary());
          ps.setInt(i, a.singleYearsMet());
        });
    record StoredNote(AssessedRow row, int n, Note note) {}
    record Growth(AssessedRow row, YearGrowth growth) {}
    List<StoredNote> notes = new ArrayList<>();
    List<Growth> growths = new ArrayList<>();
    for (AssessedRow ar : rows) {
      for (int n = 0; n < ar.assessment().notes().size(); n++) {
        notes.add(new StoredNote(ar, n, ar.assessment().notes().get(n)));
      }
      ar.assessment().singleYearGrowths().forEach(g -> growths.add(new Growth(ar, g)));
    }
    jdbc.batchUpdate(
        "INSERT INTO pr_assessment_note (run_key, publication, tbl, seq, n, code, args)"
            + " VALUES (?,?,?,?,?,?,?)",
        notes,
        notes.size(),
        (ps, n) -> {
          ps.setLong(1, runKey);
          ps.setString(2, pub);
          ps.setString(3, n.row().row().table());
          ps.setInt(4, n.row().row().seq());
          ps.setInt(5, n.n());
          ps.setString(6, n.note().code().name());
          ps.setString(7, n.note().storedArgs());
        });
    jdbc.batchUpdate(
        "INSERT INTO pr_assessment_growth (run_key, publication, tbl, seq, yr, growth_pct, met)"
            + " VALUES (?,?,?,?,?,?,?)",
        growths,
        growths.size(),
        (ps, g) -> {
          ps.setLong(1, runKey);
          ps.setString(2, pub);
          ps.setString(3, g.row().row().table());
          ps.setInt(4, g.row().row().seq());
          ps.setInt(5, g.growth().year());
          ps.setString(6, exact(g.growth().growthPct()));
          ps.setBoolean(7, g.growth().met());
        });
  }

  /** The publications the run publishes, by folder name, with their figures digests. */
  public List<Staged> publications(long runKey) {
    return jdbc.query(
        "SELECT publication, figures_digest FROM pr_run_publication WHERE run_key = ? ORDER BY publication",
        (rs, i) -> new Staged(rs.getString(1), rs.getString(2)),
        runKey);
  }

  public void putFiguresDigest(long runKey, String publication, String digest) {
    jdbc.update(
        "UPDATE pr_run_publication SET figures_digest = ? WHERE run_key = ? AND publication = ?",
        digest,
        runKey,
        publication);
  }

  /**
   * A publication's assessed rows, table by table in the order the publication prints them, rebuilt
   * from the staged assessments, the plan's catalogue rows and the derived values the assessment
   * used (those of the row's indicator from the base year to the publication's year).
   */
  public Map<String, List<AssessedRow>> assessments(
      long runKey, PublicationKey key, Plan plan, IndicatorDeriver.Result data) {
    String pub = key.folderName();
    Map<String, List<Note>> notes = new HashMap<>();
    // A note without a code was staged by a version that stored each note's sentence.
    AtomicBoolean sentences = new AtomicBoolean();
    jdbc.query(
        "SELECT tbl, seq, code, args FROM pr_assessment_note WHERE run_key = ? AND publication = ?"
            + " ORDER BY tbl, seq, n",
        rs -> {
          String code = rs.getString("code");
          if (code == null) {
            sentences.set(true);
          } else {
            notes
                .computeIfAbsent(
                    rs.getString("tbl") + "|" + rs.getInt("seq"), k -> new ArrayList<>())
                .add(Note.stored(code, rs.getString("args")));
          }
        },
        runKey,
        pub);
    if (sentences.get()) {
      // Staged by a version that stored each note's sentence (a run it left half-done, resumed
      // by this one): the notes are those the assess step gave, so they are given again.
      notes.clear();
      for (TableSpec t : PublicationPlanner.tables(plan, key.type())) {
        if (!plan.isHistory(t)) {
          TableAssessor.assess(plan, t.name(), data, key.year(), key.type().stage())
              .forEach(
                  ar ->
                      notes.put(ar.row().table() + "|" + ar.row().seq(), ar.assessment().notes()));
        }
      }
    }
    Map<String, List<YearGrowth>> growths = new HashMap<>();
    jdbc.query(
        "SELECT * FROM pr_assessment_growth WHERE run_key = ? AND publication = ? ORDER BY tbl, seq, yr",
        rs -> {
          growths
              .computeIfAbsent(rs.getString("tbl") + "|" + rs.getInt("seq"), k -> new ArrayList<>())
              .add(new YearGrowth(rs.getInt("yr"), number(rs, "growth_pct"), rs.getBoolean("met")));
        },
        runKey,
        pub);
    Map<String, Assessment> byRow = new HashMap<>();
    jdbc.query(
        "SELECT * FROM pr_assessment WHERE run_key = ? AND publication = ?",
        rs -> {
          String id = rs.getString("tbl") + "|" + rs.getInt("seq");
          byRow.put(
              id,
              new Assessment(
                  Kind.valueOf(rs.getString("kind")),
                  Stage.valueOf(rs.getString("stage")),
                  rs.getInt("yr"),
                  rs.getInt("target_year"),
                  Status.valueOf(rs.getString("status")),
                  (Integer) rs.getObject("baseline_year", Integer.class),
                  number(rs, "baseline"),
                  (Integer) rs.getObject("data_year", Integer.class),
                  number(rs, "val"),
                  number(rs, "time_progress_pct"),
                  number(rs, "completion_pct"),
                  number(rs, "schedule_ratio"),
                  number(rs, "projection"),
                  (Boolean) rs.getObject("projection_met", Boolean.class),
                  number(rs, "required_growth_pct"),
                  rs.getBoolean("met"),
                  rs.getBoolean("warning"),
                  rs.getBoolean("preliminary"),
                  growths.getOrDefault(id, List.of()),
                  rs.getInt("single_years_met"),
                  notes.getOrDefault(id, List.of())));
        },
        runKey,
        pub);
    Map<String, List<AssessedRow>> out = new LinkedHashMap<>();
    for (TableSpec t : PublicationPlanner.tables(plan, key.type())) {
      if (plan.isHistory(t)) {
        continue;
      }
      List<AssessedRow> rows = new ArrayList<>();
      for (CatalogueRow row : plan.rows(t.name())) {
        if (!row.hasTarget()) {
          continue;
        }
        Assessment a = byRow.get(row.table() + "|" + row.seq());
        if (a == null) {
          throw new IllegalStateException(
              WORDS.format("assessment.staged.missing", pub, row.table(), row.seq()));
        }
        rows.add(new AssessedRow(row, a, TableAssessor.used(plan, row, data, key.year())));
      }
      out.put(t.name(), rows);
    }
    return out;
  }

  /** Exact decimal text: plain, unless the scale is negative (then with its exponent). */
  static String exact(BigDecimal v) {
    if (v == null) {
      return null;
    }
    return v.scale() >= 0 ? v.toPlainString() : v.toString();
  }

  private static BigDecimal number(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? null : new BigDecimal(s);
  }
}
