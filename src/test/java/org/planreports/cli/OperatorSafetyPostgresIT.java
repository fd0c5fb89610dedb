package org.planreports.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.planreports.testing.TestPostgres;

/**
 * Operator safety with the packaged jar and the state in PostgreSQL, given as operators give it:
 * the environment variables {@code PLANREPORTS_DATABASE_URL}/{@code _USER}/{@code _PASSWORD} to the
 * jars started as processes, {@code --database}/{@code --database-user} to the commands run as the
 * jar runs them ({@link OperatorSafety}). Each state folder the tests use gets a database of its
 * own, as each gets its own H2 file in {@link OperatorSafetyIT}; the state folder still holds the
 * lock, the work files and the log.
 *
 * <p>Three of {@link OperatorSafety}'s stories are the H2 class's only: their database part (the
 * refused and corrected edition, the history of an edition deleted by hand) already runs on
 * PostgreSQL in the postgres tier ({@code PlanReportsJobPostgresTest}, {@code
 * PublicationHistoryPostgresTest}), and the template test has none. Overriding them without
 * {@code @Test} leaves them out here rather than skipping them.
 */
class OperatorSafetyPostgresIT extends OperatorSafety {

  @BeforeAll
  static void onPostgres() throws Exception {
    TestPostgres.require();
    Map<Path, Map<String, String>> byState = new ConcurrentHashMap<>();
    publishTheReference(
        state -> byState.computeIfAbsent(state, s -> TestPostgres.newDatabase().environment()),
        true);
  }

  @Override
  void shouldRefuseChangedInputWithExit5AndPublishACorrectedEditionOnRerun() {}

  @Override
  void shouldWriteATemplateThatValidatesOnceFilled() {}

  @Override
  void shouldRebuildAnEditionDeletedByHandByteIdenticalOrFailNamingIt() {}
}
