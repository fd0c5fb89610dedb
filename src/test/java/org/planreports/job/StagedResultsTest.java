package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Note;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.InputFile;
import org.planreports.ingest.InputSet;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.report.PublicationComposer;
import org.planreports.report.PublicationContent;
import org.planreports.report.PublicationPlanner;
import org.planreports.validation.CrossRowRules;
import org.planreports.validation.RowRules;
import org.planreports.validation.StagedValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The derive and assess steps hand on typed rows: readable with SQL, and rebuilt into exactly the
 * values and assessments that were staged, so the render step composes the same publication.
 */
@SpringBootTest
class StagedResultsTest {

  @Autowired StagedResults staged;
  @Autowired JdbcTemplate jdbc;

  private static final Plan PLAN = PlanLoader.loadDefault();
  private static final String REGION = PLAN.meta().regionCode();

  @Test
  void shouldStageAssessmentsAndDerivedValuesAsRowsThatSqlCanRead() throws Exception {
    long runKey = 910_001L;
    IndicatorDeriver.Result data = derive(Path.of("input"));
    PublicationKey midterm = PublicationKey.parse(REGION, "2023-midterm");
    staged.putDerived(runKey, REGION, data);
    staged.putAssessments(
        runKey, midterm, new PublicationComposer(PLAN, data, List.of()).assess(midterm));

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT indicator, status, status_label, val, time_progress_pct, completion_pct,"
                + " schedule_ratio, target_value, comparator FROM pr_assessment"
                + " WHERE run_key = ? AND publication = '2023-midterm' AND tbl = '表2' AND seq = 5",
            runKey);
    assertThat(row)
        .containsEntry("STATUS", "BEHIND_SCHEDULE")
        .containsEntry("STATUS_LABEL", "滞后于时序进度")
        .containsEntry("VAL", "52")
        .containsEntry("TIME_PROGRESS_PCT", "60.0")
        .containsEntry("COMPLETION_PCT", "55.0")
        .containsEntry("SCHEDULE_RATIO", "0.92")
        .containsEntry("TARGET_VALUE", "70")
        .containsEntry("COMPARATOR", "GT");
    Map<String, Object> source =
        jdbc.queryForMap(
            "SELECT s.file, s.line, s.raw, v.val FROM pr_derived_source s JOIN pr_derived_value v"
                + " ON v.run_key = s.run_key AND v.indicator = s.indicator AND v.yr = s.yr"
                + " WHERE s.run_key = ? AND s.item = 'ENT_HNTE' AND s.yr = 2023",
            runKey);
    assertThat(source)
        .containsEntry("FILE", "nanchuan-2023-sample.csv")
        .containsEntry("LINE", 10L)
        .containsEntry("RAW", "52")
        .containsEntry("VAL", "52");
    assertThat(staged.publications(runKey))
        .containsExactly(new StagedResults.Staged("2023-midterm", null));
    staged.putFiguresDigest(runKey, "2023-midterm", "ab".repeat(32));
    assertThat(staged.publications(runKey).get(0).figuresDigest()).isEqualTo("ab".repeat(32));

    staged.clear(runKey);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM pr_assessment WHERE run_key = ?", Integer.class, runKey))
        .isZero();
    assertThat(staged.derived(runKey, REGION, PLAN).series().values()).allMatch(Map::isEmpty);
  }

  @Test
  void shouldRebuildExactlyWhatWasStagedForEveryPublicationOfAWholePlanPeriod() throws Exception {
    long runKey = 910_002L;
    for (Path folder : List.of(Path.of("input"), Path.of("src/test/resources/fixtures/final"))) {
      staged.clear(runKey);
      IndicatorDeriver.Result data = derive(folder);
      List<InputFile> files = InputSet.scan(folder).files();
      PublicationComposer composer = new PublicationComposer(PLAN, data, files);
      List<PublicationKey> keys = PublicationPlanner.supported(PLAN, data);
      staged.putDerived(runKey, REGION, data);
      for (PublicationKey key : keys) {
        staged.putAssessments(runKey, key, composer.assess(key));
      }

      IndicatorDeriver.Result read = staged.derived(runKey, REGION, PLAN);
      assertThat(read.series()).isEqualTo(data.series());
      assertThat(List.copyOf(read.series().keySet()))
          .isEqualTo(List.copyOf(data.series().keySet()));
      assertThat(staged.publications(runKey)).hasSameSizeAs(keys);
      PublicationComposer again = new PublicationComposer(PLAN, read, files);
      for (PublicationKey key : keys) {
        var assessed = staged.assessments(runKey, key, PLAN, read);
        assertThat(assessed).as(key.folderName()).isEqualTo(composer.assess(key));
        PublicationContent original = composer.compose(key);
        PublicationContent rebuilt = again.compose(key, assessed);
        assertThat(rebuilt.figures()).isEqualTo(original.figures()).isNotEmpty();
        assertThat(rebuilt.sections().toString()).isEqualTo(original.sections().toString());
        assertThat(rebuilt.companions().keySet()).isEqualTo(original.companions().keySet());
        original
            .companions()
            .forEach((f, bytes) -> assertThat(rebuilt.companions().get(f)).as(f).isEqualTo(bytes));
      }
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM pr_assessment_growth WHERE run_key = ?",
                Integer.class,
                runKey))
        .as("the final evaluation's single-year growths are staged")
        .isPositive();
  }

  @Test
  void shouldOpenAStateDatabaseOfTheSerializedKindAndDropItsLeftoverContent() {
    DriverManagerDataSource old =
        new DriverManagerDataSource("jdbc:h2:mem:old-state;DB_CLOSE_DELAY=-1", "sa", "");
    JdbcTemplate oldJdbc = new JdbcTemplate(old);
    oldJdbc.execute(
        "CREATE TABLE pr_content (run_key BIGINT NOT NULL, publication VARCHAR(100) NOT NULL,"
            + " content BLOB NOT NULL, PRIMARY KEY (run_key, publication))");
    oldJdbc.update("INSERT INTO pr_content VALUES (1, 'derived', X'ACED0005')");
    oldJdbc.execute(
        "CREATE TABLE pr_publication (region VARCHAR(16) NOT NULL, publication VARCHAR(100) NOT NULL,"
            + " edition INT NOT NULL, content_digest VARCHAR(64) NOT NULL, folder VARCHAR(1000) NOT NULL,"
            + " job_execution_id BIGINT NOT NULL, reason VARCHAR(2000), published_at TIMESTAMP NOT NULL,"
            + " PRIMARY KEY (region, publication, edition))");
    oldJdbc.update(
        "INSERT INTO pr_publication VALUES ('500119', '2023-zone', 1, ?, '/out/500119/2023-zone/edition-1', 7, NULL, ?)",
        "cd".repeat(32),
        java.sql.Timestamp.from(Instant.EPOCH));

    new ResourceDatabasePopulator(new ClassPathResource("db/plan-reports-schema.sql")).execute(old);
    PublicationsPerOutput.migrate(old);

    StateStore store = new StateStore(oldJdbc);
    assertThat(store.allEditions())
        .extracting(StateStore.Edition::contentDigest)
        .containsExactly("cd".repeat(32));
    Path out = Path.of("/out");
    assertThat(store.figuresDigest(out, "500119", "2023-zone", 1)).isEmpty();
    store.putFiguresDigest(out, "500119", "2023-zone", 1, "ef".repeat(32));
    assertThat(store.figuresDigest(out, "500119", "2023-zone", 1)).contains("ef".repeat(32));
    assertThat(
            oldJdbc.queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PR_CONTENT'",
                Integer.class))
        .isZero();
  }

  @Test
  void shouldStoreNotesAsCodesInAStateDatabaseThatHeldTheirSentencesAndResumeItsHalfDoneRun()
      throws Exception {
    DriverManagerDataSource old =
        new DriverManagerDataSource("jdbc:h2:mem:old-notes;DB_CLOSE_DELAY=-1", "sa", "");
    JdbcTemplate oldJdbc = new JdbcTemplate(old);
    oldJdbc.execute(
        "CREATE TABLE pr_assessment_note (run_key BIGINT NOT NULL, publication VARCHAR(100) NOT NULL,"
            + " tbl VARCHAR(100) NOT NULL, seq INT NOT NULL, n INT NOT NULL,"
            + " note VARCHAR(4000) NOT NULL, PRIMARY KEY (run_key, publication, tbl, seq, n))");
    new ResourceDatabasePopulator(new ClassPathResource("db/plan-reports-schema.sql")).execute(old);
    StagedResults oldStaged = new StagedResults(oldJdbc);
    IndicatorDeriver.Result data = derive(Path.of("input"));
    PublicationKey midterm = PublicationKey.parse(REGION, "2023-midterm");
    var assessed = new PublicationComposer(PLAN, data, List.of()).assess(midterm);
    oldStaged.putAssessments(1, midterm, assessed);
    // What the older version left: the same rows, each note as its sentence and no code.
    oldJdbc.execute("ALTER TABLE pr_assessment_note ADD COLUMN note VARCHAR(4000)");
    for (List<AssessedRow> rows : assessed.values()) {
      for (AssessedRow ar : rows) {
        List<Note> notes = ar.assessment().notes();
        for (int n = 0; n < notes.size(); n++) {
          oldJdbc.update(
              "UPDATE pr_assessment_note SET note = ?, code = NULL, args = NULL"
                  + " WHERE run_key = 1 AND tbl = ? AND seq = ? AND n = ?",
              notes.get(n).words(),
              ar.row().table(),
              ar.row().seq(),
              n);
        }
      }
    }
    assertThat(
            oldJdbc.queryForObject(
                "SELECT COUNT(*) FROM pr_assessment_note WHERE code IS NULL", Integer.class))
        .as("the older version's notes")
        .isPositive();

    new ResourceDatabasePopulator(new ClassPathResource("db/plan-reports-schema.sql")).execute(old);

    assertThat(
            oldJdbc.queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'PR_ASSESSMENT_NOTE' AND COLUMN_NAME = 'NOTE'",
                Integer.class))
        .as("the sentences' column is gone")
        .isZero();
    assertThat(oldStaged.assessments(1, midterm, PLAN, data))
        .as("the half-done run resumes with the notes its assess step gave")
        .isEqualTo(assessed);
    oldStaged.putAssessments(2, midterm, assessed);
    assertThat(oldStaged.assessments(2, midterm, PLAN, data)).isEqualTo(assessed);
    assertThat(
            oldJdbc.queryForObject(
                "SELECT COUNT(*) FROM pr_assessment_note WHERE run_key = 2 AND code IS NOT NULL",
                Integer.class))
        .isPositive();
  }

  private static IndicatorDeriver.Result derive(Path folder) throws Exception {
    RowRules rules = new RowRules(PLAN);
    List<StagedValue> values = new ArrayList<>();
    for (InputFile f : InputSet.scan(folder).files()) {
      for (RawRow row : ExtractParser.parse(f.name(), Files.readAllBytes(f.path()), null)) {
        RowRules.Checked checked = rules.check(row);
        if (checked.value() != null) {
          values.add(checked.value());
        }
      }
    }
    return IndicatorDeriver.derive(PLAN, REGION, CrossRowRules.check(values).values());
  }
}
