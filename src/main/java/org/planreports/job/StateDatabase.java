package org.planreports.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planreports.core.Messages;

/**
 * Which database holds the job repository and the tool's own state: by default the H2 file in the
 * {@code --state} folder, one per folder; with {@code --database} (or {@value #URL_ENV}) a
 * PostgreSQL that several machines or districts share. The password is read from {@value
 * #PASSWORD_ENV} only, so that it never has to be on a command line (where {@code ps} shows it).
 *
 * <p>Only the H2 file is guarded by the {@code publication-history.check} digest file: it is what a
 * damaged or swapped file is detected by. A shared database keeps its own integrity and is used by
 * runs with other state folders, so it is not checked against one folder's file.
 */
public record StateDatabase(Kind kind, String url, String user, String password) {

  private static final Messages WORDS = Messages.bundle("run");

  /** The two databases the tool's SQL is written and tested for. */
  public enum Kind {
    H2,
    POSTGRESQL;

    /**
     * The kind of database a connection is to: the one way the tool tells them apart, from the
     * settings ({@link StateDatabase#resolve}) or, inside Spring, from a connection.
     */
    public static Kind of(java.sql.Connection c) throws java.sql.SQLException {
      return c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")
          ? POSTGRESQL
          : H2;
    }
  }

  /** How long a run waits for a connection to the shared database before it fails. */
  static final int CONNECTION_TIMEOUT_MS = 5000;

  static final int VALIDATION_TIMEOUT_MS = 2000;

  public static final String URL_ENV = "PLANREPORTS_DATABASE_URL";
  public static final String USER_ENV = "PLANREPORTS_DATABASE_USER";
  public static final String PASSWORD_ENV = "PLANREPORTS_DATABASE_PASSWORD";

  /**
   * The database an operator asked for: {@code option} (from {@code --database}) or else the
   * environment's {@value #URL_ENV}; without either, the state folder's H2 file. Only a PostgreSQL
   * URL is taken from outside: an H2 URL runs any SQL it names ({@code INIT=RUNSCRIPT …}) and may
   * put the state anywhere, so the H2 URL is always the one {@link #h2} builds from the state
   * folder.
   *
   * @throws Refused naming the message and its arguments, for any other URL or a driver parameter
   *     that loads classes or writes files
   */
  public static StateDatabase resolve(
      String option, String userOption, Path state, Map<String, String> env) {
    String url = blankToNull(option);
    String source = "--database";
    if (url == null) {
      url = blankToNull(env.get(URL_ENV));
      source = WORDS.get("run.database.env", "name", URL_ENV);
    }
    if (url == null) {
      return h2(state);
    }
    String user = userOption != null ? userOption : blankToNull(env.get(USER_ENV));
    String password = env.getOrDefault(PASSWORD_ENV, "");
    if (url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
      throw new Refused("dbdisk.database.h2", source, url);
    }
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new Refused("dbdisk.database.notPostgres", source, url);
    }
    Optional<String> parameter = codeBearingParameter(url);
    if (parameter.isPresent()) {
      throw new Refused("dbdisk.database.parameter", source, parameter.get());
    }
    return new StateDatabase(Kind.POSTGRESQL, url, user, password);
  }

  /** A setting the operator gave that the tool does not accept: a message key and its arguments. */
  public static final class Refused extends IllegalArgumentException {
    private final String key;
    private final transient Object[] args;

    Refused(String key, Object... args) {
      super(key);
      this.key = key;
      this.args = args;
    }

    public String key() {
      return key;
    }

    public Object[] args() {
      return args.clone();
    }
  }

  /**
   * The PostgreSQL driver's parameters that name a class for it to load or a file for it to write
   * (pgjdbc's {@code PGProperty}): a URL from a config map must not bring code or write a log.
   */
  static final Set<String> CODE_BEARING =
      Set.of(
          "socketfactory",
          "socketfactoryarg",
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslpasswordcallback",
          "authenticationpluginclassname",
          "loggerfile",
          "loggerlevel");

  static Optional<String> codeBearingParameter(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return Optional.empty();
    }
    for (String pair : url.substring(query + 1).split("&")) {
      String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
      if (CODE_BEARING.contains(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * Spring's own settings that would choose or initialise the database or where configuration is
   * read from, given as environment variables or system properties (relaxed: {@code
   * SPRING_DATASOURCE_URL}, {@code spring.datasource.url}, {@code SPRING_APPLICATION_JSON}, …): the
   * first such name, which the commands refuse before Spring starts.
   */
  public static Optional<String> springSetting(Map<String, String> env, Map<?, ?> properties) {
    for (Map<?, ?> source : List.of(env, properties)) {
      for (Object name :
          new java.util.TreeSet<>(source.keySet().stream().map(String::valueOf).toList())) {
        if (isSpringSetting(String.valueOf(name))) {
          return Optional.of(String.valueOf(name));
        }
      }
    }
    return Optional.empty();
  }

  private static final List<String> SPRING_SETTINGS =
      List.of(
          "SPRING_DATASOURCE",
          "SPRING_SQL",
          "SPRING_BATCH",
          "SPRING_JDBC",
          "SPRING_H2",
          "SPRING_CONFIG",
          "SPRING_APPLICATION_JSON",
          "SPRING_MAIN",
          "SPRING_FLYWAY",
          "SPRING_LIQUIBASE");

  static boolean isSpringSetting(String name) {
    String relaxed = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return SPRING_SETTINGS.stream().anyMatch(relaxed::startsWith);
  }

  /**
   * The H2 file database {@code plan-reports.mv.db} in a state folder. {@code WRITE_DELAY=0}: each
   * commit is in the file when it returns (H2 otherwise writes up to half a second later), so a
   * killed run is resumed from what it had committed — the steps finished, the files it deleted —
   * not from an older state.
   */
  public static StateDatabase h2(Path state) {
    String url =
        "jdbc:h2:file:"
            + state.toAbsolutePath().normalize().resolve("plan-reports")
            + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0";
    return new StateDatabase(Kind.H2, url, "sa", "");
  }

  /**
   * The same database for a command that only reads ({@code history}, {@code verify}): the H2 file
   * opened read-only, so that such a command works on a read-only state folder and changes no byte
   * of it; a shared database as it is.
   */
  public StateDatabase readOnly() {
    return kind == Kind.H2 && !url.endsWith(READ_ONLY)
        ? new StateDatabase(kind, url + READ_ONLY, user, password)
        : this;
  }

  private static final String READ_ONLY = ";ACCESS_MODE_DATA=r";

  /** Whether this is the H2 file opened read-only. */
  public boolean isReadOnly() {
    return url.endsWith(READ_ONLY);
  }

  /** Whether the database accepts a connection now, asked with a few seconds' patience. */
  public boolean answers() {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", user != null ? user : System.getProperty("user.name", "postgres"));
    props.setProperty("password", password == null ? "" : password);
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, props)) {
      return c.isValid(3);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  /** Whether runs with other state folders (and other machines) may use the same database. */
  public boolean isShared() {
    return kind == Kind.POSTGRESQL;
  }

  /** The H2 file of a state folder when that is the database; empty for any other database. */
  public Optional<Path> localFile(Path state) {
    return url.equals(h2(state).url()) || url.equals(h2(state).url() + READ_ONLY)
        ? Optional.of(state.resolve("plan-reports.mv.db"))
        : Optional.empty();
  }

  /** Spring properties, as command-line arguments, that point the application at this database. */
  public List<String> springArguments() {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + url);
    args.add(
        "--spring.datasource.username="
            + (user != null ? user : System.getProperty("user.name", "postgres")));
    args.add("--spring.datasource.password=" + (password == null ? "" : password));
    if (kind == Kind.POSTGRESQL) {
      // Sized for a batch tool, not a web server: a database that stopped answering is said within
      // seconds, where every call would otherwise wait out the pool's 30 s in silence.
      args.add("--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS);
      args.add("--spring.datasource.hikari.validation-timeout=" + VALIDATION_TIMEOUT_MS);
      args.add("--spring.datasource.hikari.data-source-properties.connectTimeout=5");
      args.add("--spring.datasource.hikari.data-source-properties.tcpKeepAlive=true");
    }
    // Only the packaged application.yaml: one in the working folder (or ./config/) could set the
    // datasource or its initialisation SQL.
    args.add("--spring.config.location=classpath:/application.yaml");
    if (isReadOnly()) {
      // Nothing to create in a database opened only to be read.
      args.add("--spring.batch.jdbc.initialize-schema=never");
    }
    return args;
  }

  /**
   * The environment variables Spring may read: the tool's own {@code PLANREPORTS_…} settings
   * ({@code PLANREPORTS_CHUNKSIZE=500}), never the database's ({@link #URL_ENV} and the others are
   * read by {@link #resolve} only) nor Spring's own ({@code SPRING_…}, {@code LOGGING_…}).
   */
  public static Map<String, Object> springEnvironment(Map<String, String> env) {
    Map<String, Object> kept = new java.util.LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.toUpperCase(Locale.ROOT).startsWith("PLANREPORTS_")
              && !name.toUpperCase(Locale.ROOT).startsWith("PLANREPORTS_DATABASE")) {
            kept.put(name, value);
          }
        });
    return kept;
  }

  /** The system properties Spring may read: the JVM's own, none of Spring's ({@code spring.…}). */
  public static Map<String, Object> springSystemProperties(Map<?, ?> properties) {
    Map<String, Object> kept = new java.util.LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          String n = String.valueOf(name).toLowerCase(Locale.ROOT);
          if (!n.startsWith("spring")
              && !n.startsWith("logging.")
              && !n.startsWith("plan-reports.database")) {
            kept.put(String.valueOf(name), value);
          }
        });
    return kept;
  }

  /** Host and database of a PostgreSQL URL, for messages: {@code 主机 db1:5432，数据库 plan}. */
  public String where() {
    if (kind == Kind.H2) {
      return url.replaceFirst(";.*", "");
    }
    String rest = url.substring("jdbc:postgresql:".length());
    String host = "localhost";
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      rest = slash < 0 ? "" : rest.substring(slash + 1);
    }
    int query = rest.indexOf('?');
    String database = query < 0 ? rest : rest.substring(0, query);
    host = host.isEmpty() ? "localhost" : host;
    return WORDS.get(
        "run.database.where",
        "host",
        host.contains(":") && !host.endsWith("]") ? host : host + ":5432",
        "database",
        database.isEmpty() ? WORDS.get("run.database.unnamed") : database);
  }

  /** Never the password, where a record's own toString would print it. */
  @Override
  public String toString() {
    return kind + " " + url + (user == null ? "" : " user=" + user);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
