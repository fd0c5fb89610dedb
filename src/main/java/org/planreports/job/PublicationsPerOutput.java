package org.planreports.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.planreports.publication.OutputLayout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings the publication history of a state database made before editions were kept per output
 * folder up to date: each row gets the output folder its edition folder is in (resolved, as runs
 * now give it), and the primary key gains that column, so that another output folder can have
 * editions of its own. Runs on every start; does nothing once done. The history's check digest
 * ({@link PublicationHistory#digest}) does not include the output folder, so a state folder's check
 * file still matches after the migration.
 */
final class PublicationsPerOutput {

  private PublicationsPerOutput() {}

  static void migrate(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT region, publication, edition, folder FROM pr_publication WHERE output_folder IS NULL");
    for (Map<String, Object> r : rows) {
      Path folder = Path.of((String) r.get("folder"));
      Path output = OutputLayout.outputOf(folder);
      Path real = real(output);
      jdbc.update(
          "UPDATE pr_publication SET output_folder = ?, folder = ?"
              + " WHERE region = ? AND publication = ? AND edition = ?",
          real.toString(),
          real.resolve(output.relativize(folder)).toString(),
          r.get("region"),
          r.get("publication"),
          r.get("edition"));
    }
    Integer keyed =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                + " WHERE LOWER(TABLE_NAME) = 'pr_publication' AND LOWER(COLUMN_NAME) = 'output_folder'"
                + " AND TABLE_SCHEMA = CURRENT_SCHEMA",
            Integer.class);
    if (keyed != null && keyed > 0) {
      return;
    }
    String key =
        jdbc.queryForObject(
            "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                + " WHERE LOWER(TABLE_NAME) = 'pr_publication' AND CONSTRAINT_TYPE = 'PRIMARY KEY'"
                + " AND TABLE_SCHEMA = CURRENT_SCHEMA",
            String.class);
    jdbc.execute("ALTER TABLE pr_publication DROP CONSTRAINT \"" + key + "\"");
    jdbc.execute("ALTER TABLE pr_publication ALTER COLUMN output_folder SET NOT NULL");
    jdbc.execute(
        "ALTER TABLE pr_publication ADD PRIMARY KEY (output_folder, region, publication, edition)");
  }

  /** The output folder as runs now name it: links resolved where it still exists. */
  private static Path real(Path output) {
    try {
      return Files.isDirectory(output) ? output.toRealPath() : output;
    } catch (IOException e) {
      return output;
    }
  }
}
