package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.testing.TestPostgres;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A state database written by the version before history was kept per output folder keeps working:
 * its publication history is migrated on the first start (H2 file and PostgreSQL), keeps its check
 * digest and its runs' identities, and another output folder can then have editions of its own.
 */
class PublicationsPerOutputTest {

  @TempDir Path tmp;

  @Test
  void shouldMigrateAnH2StateDatabaseOfTheEarlierVersion() throws Exception {
    migrateAndCheck(
        new DriverManagerDataSource(
            "jdbc:h2:file:" + tmp.resolve("state/plan-reports") + ";DB_CLOSE_DELAY=0", "sa", ""),
        "jdbc:h2:file:");
  }

  @Test
  @Tag("postgres")
  void shouldMigrateAPostgresStateDatabaseOfTheEarlierVersion() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    migrateAndCheck(new DriverManagerDataSource(db.url(), db.user(), db.password()), db.url());
  }

  private void migrateAndCheck(DataSource ds, String url) throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    // pr_publication as the earlier version's schema script left it.
    jdbc.execute(
        "CREATE TABLE pr_publication (region VARCHAR(16) NOT NULL, publication VARCHAR(100) NOT NULL,"
            + " edition INT NOT NULL, content_digest VARCHAR(64) NOT NULL, folder VARCHAR(1000) NOT NULL,"
            + " job_execution_id BIGINT NOT NULL, reason VARCHAR(2000), published_at TIMESTAMP NOT NULL,"
            + " PRIMARY KEY (region, publication, edition))");
    jdbc.execute(
        "ALTER TABLE pr_publication ADD COLUMN status VARCHAR(16) DEFAULT 'PUBLISHED' NOT NULL");
    jdbc.execute("ALTER TABLE pr_publication ADD COLUMN figures_digest VARCHAR(64)");
    // The output folder was given through a link: runs now name it resolved.
    Path real = Files.createDirectories(tmp.resolve("real-out"));
    Path linked = Files.createSymbolicLink(tmp.resolve("out"), real);
    insertOld(jdbc, "2023-midterm", 1, linked, null);
    insertOld(jdbc, "2023-midterm", 2, linked, "更正");
    String check = oldDigest(jdbc);
    String identity = oldPublishedDigest(jdbc, "500119");

    for (int start = 0; start < 2; start++) {
      new ResourceDatabasePopulator(new ClassPathResource(StateSchemaInitializer.SCHEMA))
          .execute(ds);
      PublicationsPerOutput.migrate(ds);
    }

    PublicationHistory history = new PublicationHistory(jdbc, new DataSourceTransactionManager(ds));
    StateStore store = new StateStore(jdbc);
    assertThat(history.digest()).as("the state folder's check file still matches").isEqualTo(check);
    assertThat(store.publishedDigest(real, "500119"))
        .as("the same command is still the same job instance")
        .isEqualTo(identity);
    assertThat(store.editions(real, "500119", "2023-midterm"))
        .extracting(StateStore.Edition::folder)
        .containsExactly(
            real.resolve("500119/2023-midterm/edition-1").toString(),
            real.resolve("500119/2023-midterm/edition-2").toString());
    assertThat(store.figuresDigest(real, "500119", "2023-midterm", 1)).contains("ab".repeat(32));

    Path other = tmp.resolve("other-out");
    StateStore.Edition elsewhere =
        new StateStore.Edition(
            "500119",
            "2023-midterm",
            1,
            "cd".repeat(32),
            other.resolve("500119/2023-midterm/edition-1").toString(),
            3,
            null,
            Instant.now());
    history.insertPending(tmp.resolve("state"), elsewhere, "ef".repeat(32), "01".repeat(32));
    history.markPublished(tmp.resolve("state"), elsewhere);
    assertThat(store.editions(other, "500119", "2023-midterm")).hasSize(1);
    assertThat(store.editions(real, "500119", "2023-midterm")).hasSize(2);
    assertThat(store.figuresDigest(other, "500119", "2023-midterm", 1)).contains("ef".repeat(32));
    assertThat(store.manifestDigest(other, elsewhere)).contains("01".repeat(32));
  }

  private static void insertOld(
      JdbcTemplate jdbc, String publication, int edition, Path output, String reason) {
    jdbc.update(
        "INSERT INTO pr_publication (region, publication, edition, content_digest, folder,"
            + " job_execution_id, reason, published_at, status, figures_digest)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?)",
        "500119",
        publication,
        edition,
        String.valueOf(edition).repeat(64),
        output.resolve("500119").resolve(publication).resolve("edition-" + edition).toString(),
        edition,
        reason,
        Timestamp.from(Instant.EPOCH),
        "PUBLISHED",
        "ab".repeat(32));
  }

  /** The check digest as the earlier version computed it. */
  private static String oldDigest(JdbcTemplate jdbc) {
    var sha = InputSet.sha256();
    jdbc.query(
        "SELECT * FROM pr_publication ORDER BY region, publication, edition",
        rs -> {
          sha.update(
              (rs.getString("region")
                      + "|"
                      + rs.getString("publication")
                      + "|"
                      + rs.getInt("edition")
                      + "|"
                      + rs.getString("content_digest")
                      + "|"
                      + rs.getString("status")
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8));
        });
    return InputSet.hex(sha.digest());
  }

  /**
   * A region's corrected editions' digest as the earlier version computed it (a run's identity).
   */
  private static String oldPublishedDigest(JdbcTemplate jdbc, String region) {
    var sha = InputSet.sha256();
    jdbc.query(
        "SELECT * FROM pr_publication WHERE region = ? ORDER BY region, publication, edition",
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
                    .getBytes(StandardCharsets.UTF_8));
          }
        },
        region);
    return InputSet.hex(sha.digest());
  }
}
