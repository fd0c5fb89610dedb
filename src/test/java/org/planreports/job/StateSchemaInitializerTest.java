package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.planreports.PlanReportsApplication;
import org.planreports.testing.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shared database's schema, created on first use by runs that start at the same moment. */
@Tag("postgres")
class StateSchemaInitializerTest {

  private static final int RUNS = 4;

  @Test
  void shouldCreateTheSchemaOnceWhenSeveralRunsStartTogetherOnAnEmptyDatabase() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    // Boot's logging set-up is one per JVM and not made for applications starting side by side (as
    // processes, each has its own); these contexts leave logging as it is.
    String logging = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    CyclicBarrier together = new CyclicBarrier(RUNS);
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    try {
      List<Future<Long>> runs = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        Callable<Long> run =
            () -> {
              together.await(30, TimeUnit.SECONDS);
              try (ConfigurableApplicationContext ctx = start(db)) {
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                return jdbc.queryForObject(
                    "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE i, pr_publication p", Long.class);
              }
            };
        runs.add(pool.submit(run));
      }
      for (Future<Long> r : runs) {
        assertThat(r.get(120, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
      if (logging == null) {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
      } else {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, logging);
      }
    }
    try (ConfigurableApplicationContext ctx = start(db)) {
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                      + " AND (table_name LIKE 'batch_%' OR table_name LIKE 'pr_%')",
                  Long.class))
          .isEqualTo(6L + 10L);
    }
  }

  /** The application on a database, as a run starts it. */
  private static ConfigurableApplicationContext start(TestPostgres.Database db) {
    return new SpringApplicationBuilder(PlanReportsApplication.class)
        .logStartupInfo(false)
        .run(
            "--spring.datasource.url=" + db.url(),
            "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + db.password());
  }
}
