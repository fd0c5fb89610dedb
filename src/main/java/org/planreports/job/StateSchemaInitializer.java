package org.planreports.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.planreports.core.Messages;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the state schema on first use: Spring Batch's tables (Boot's script for the database's
 * platform) and then the tool's own ({@value #SCHEMA}), in place of Boot's two initializers so that
 * both run as one step. On PostgreSQL that step holds an advisory lock: two runs starting at the
 * same moment against an empty shared database would otherwise both create the same tables, and
 * PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not safe against that race (the loser fails on
 * a catalogue unique index). On H2 the state folder's lock already serializes runs.
 */
public class StateSchemaInitializer extends BatchDataSourceScriptDatabaseInitializer {

  private static final Messages WORDS = Messages.bundle("run");

  static final String SCHEMA = "db/plan-reports-schema.sql";

  /** The advisory lock's key: any number the tool alone uses; this is "PLANREPO" in ASCII. */
  static final long LOCK = 0x504c414e5245504fL;

  private final DataSource dataSource;

  /** A database opened read-only ({@code history}, {@code verify}): nothing is created. */
  private final boolean readOnly;

  public StateSchemaInitializer(DataSource dataSource, BatchJdbcProperties properties) {
    super(dataSource, properties);
    this.dataSource = dataSource;
    this.readOnly =
        properties.getInitializeSchema()
            == org.springframework.boot.sql.init.DatabaseInitializationMode.NEVER;
  }

  @Override
  public boolean initializeDatabase() {
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = StateDatabase.Kind.of(c) == StateDatabase.Kind.POSTGRESQL;
      if (!postgres) {
        return createAll();
      }
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
        try {
          return createAll();
        } finally {
          s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          WORDS.get(
              "run.schema.failed", "cause", String.valueOf(org.planreports.core.Causes.of(e))),
          e);
    }
  }

  private boolean createAll() {
    if (readOnly) {
      return false;
    }
    // Boot's batch script has no IF NOT EXISTS; it runs with continue-on-error, so a repository
    // that exists already is left as it is.
    super.initializeDatabase();
    ResourceDatabasePopulator own = new ResourceDatabasePopulator(new ClassPathResource(SCHEMA));
    own.setSqlScriptEncoding("UTF-8");
    own.execute(dataSource);
    PublicationsPerOutput.migrate(dataSource);
    return true;
  }

  /** Replaces Boot's batch schema initializer (it backs off when there is one of this type). */
  @Configuration(proxyBeanMethods = false)
  static class Config {
    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(
        DataSource dataSource, BatchJdbcProperties properties) {
      return new StateSchemaInitializer(dataSource, properties);
    }
  }
}
