package org.planreports.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planreports.PlanReportsApplication;
import org.planreports.core.Messages;
import org.planreports.job.Failures;
import org.planreports.job.PublicationHistory;
import org.planreports.job.StateDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring for a command, with the job repository and staging tables in the state database: the state
 * folder's H2 file, or a shared PostgreSQL. The log stays in the state folder either way.
 */
final class StateContexts {

  private static final Messages WORDS = Messages.bundle("run");

  /** Spring on the given database, its log in the state folder. */
  ConfigurableApplicationContext context(Path state, StateDatabase db) {
    // A command-line property outranks application.yaml, whose in-memory default serves the tests.
    List<String> args = new ArrayList<>(db.springArguments());
    Failures.database(db.isShared() ? db.where() : null, db::answers);
    Failures.stateFile(
        db.localFile(state).map(f -> f.toAbsolutePath().normalize().toString()).orElse(null));
    // The terminal gets the few lines the commands print; the log, stack traces and all, goes to
    // a file in the state folder that a failure message names. A command that only reads a
    // read-only state folder logs nowhere rather than to the terminal.
    if (!db.isReadOnly() || writable(state)) {
      args.add("--logging.file.name=" + Failures.logFile(state.toAbsolutePath().normalize()));
    }
    args.add("--logging.threshold.console=OFF");
    // Spring reads only the tool's own settings from outside: an environment variable such as
    // SPRING_DATASOURCE_URL or SPRING_APPLICATION_JSON could otherwise choose the database.
    StandardEnvironment environment =
        new StandardEnvironment() {
          @Override
          protected void customizePropertySources(MutablePropertySources sources) {
            sources.addLast(
                new MapPropertySource(
                    SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    StateDatabase.springSystemProperties(System.getProperties())));
            sources.addLast(
                new SystemEnvironmentPropertySource(
                    SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    StateDatabase.springEnvironment(System.getenv())));
          }
        };
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(PlanReportsApplication.class)
            // The class whose generated initializer a JVM with -Dspring.aot.enabled=true uses.
            .main(ContextAot.class)
            .environment(environment)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new));
    quietLogging();
    return ctx;
  }

  /**
   * Spring Boot has logback print its own troubles on the terminal (a log file on a full disk: a
   * stack trace for every line it could not write); the command's one line says what failed.
   */
  static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext lc) {
      var statuses = lc.getStatusManager();
      statuses.getCopyOfStatusListenerList().stream()
          .filter(l -> l instanceof ch.qos.logback.core.status.OnConsoleStatusListener)
          .forEach(statuses::remove);
    }
  }

  private static boolean writable(Path state) {
    Path logs = Failures.logFile(state).getParent();
    return Files.isDirectory(logs) ? Files.isWritable(logs) : Files.isWritable(state);
  }

  /** The H2 file of a state folder. */
  static Path database(Path state) {
    return state.resolve("plan-reports.mv.db");
  }

  /**
   * The state folder's database, opened and found to hold the publication history it held when the
   * last run ended; empty (with the reason printed) when it cannot be trusted. A shared database is
   * not checked against the state folder's check file, and one that cannot be reached is said in
   * one line naming its host and database.
   */
  Optional<ConfigurableApplicationContext> open(Path state, StateDatabase db, PrintWriter err) {
    ConfigurableApplicationContext ctx = null;
    boolean trusted;
    try {
      ctx = context(state, db);
      // Reading the whole history is what a damaged file fails on, if opening it did not.
      trusted = ctx.getBean(PublicationHistory.class).matchesCheck(state);
    } catch (RuntimeException e) {
      if (ctx != null) {
        ctx.close();
      }
      if (db.isShared() && fromTheDatabase(e)) {
        LoggerFactory.getLogger(StateContexts.class).error(WORDS.get("run.log.unreachable"), e);
        err.println(unreachable(db, state, e));
        return Optional.empty();
      }
      if (!Files.exists(database(state)) || !fromTheDatabase(e)) {
        throw e;
      }
      LoggerFactory.getLogger(StateContexts.class).error(WORDS.get("run.log.damaged"), e);
      err.println(
          WORDS.get("run.state.damaged", "file", database(state), "cause", Failures.describe(e)));
      err.println(damagedAdvice(state));
      return Optional.empty();
    }
    if (!trusted) {
      ctx.close();
      err.println(
          WORDS.get(
              "run.state.replaced",
              "file",
              database(state),
              "check",
              state.resolve(PublicationHistory.CHECK_FILE)));
      err.println(damagedAdvice(state));
      return Optional.empty();
    }
    return Optional.of(ctx);
  }

  /** One line for a shared database that cannot be reached or refuses the tool. */
  static String unreachable(StateDatabase db, Path state, Throwable e) {
    return WORDS.get(
        "run.database.unreachable",
        "where",
        db.where(),
        "cause",
        Failures.describe(e),
        "url_env",
        StateDatabase.URL_ENV,
        "password_env",
        StateDatabase.PASSWORD_ENV,
        "log",
        Failures.logFile(state));
  }

  static boolean fromTheDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException || t.getClass().getName().startsWith("org.h2.")) {
        return true;
      }
    }
    return false;
  }

  private static String damagedAdvice(Path state) {
    return WORDS.get("run.state.advice", "state", state);
  }
}
