package org.planreports.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** The two databases the tool's SQL is written and tested for. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  public static final String URL_ENV = "PLANREPORTS_DATABASE_URL";
  public static final String USER_ENV = "PLANREPORTS_DATABASE_USER";
  public static final String PASSWORD_ENV = "PLANREPORTS_DATABASE_PASSWORD";

  /**
   * The database an operator asked for: {@code option} (from {@code --database}) or else the
   * environment's {@value #URL_ENV}; without either, the state folder's H2 file.
   *
   * @throws IllegalArgumentException with a one-line Chinese message for a URL of another database
   */
  public static StateDatabase resolve(
      String option, String userOption, Path state, Map<String, String> env) {
    String url = blankToNull(option);
    String source = "--database";
    if (url == null) {
      url = blankToNull(env.get(URL_ENV));
      source = "环境变量 " + URL_ENV;
    }
    if (url == null) {
      return h2(state);
    }
    String user = userOption != null ? userOption : blankToNull(env.get(USER_ENV));
    String password = env.getOrDefault(PASSWORD_ENV, "");
    if (url.startsWith("jdbc:postgresql:")) {
      return new StateDatabase(Kind.POSTGRESQL, url, user, password);
    }
    if (url.startsWith("jdbc:h2:")) {
      return new StateDatabase(Kind.H2, url, user == null ? "sa" : user, password);
    }
    throw new IllegalArgumentException(
        source
            + " 的取值无效："
            + url
            + "（状态数据库只支持 PostgreSQL，如 jdbc:postgresql://主机:5432/数据库名；不给则用状态目录中的 H2 文件）");
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

  /** Whether runs with other state folders (and other machines) may use the same database. */
  public boolean isShared() {
    return kind == Kind.POSTGRESQL;
  }

  /** The H2 file of a state folder when that is the database; empty for any other database. */
  public Optional<Path> localFile(Path state) {
    return url.equals(h2(state).url())
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
    return args;
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
    return "主机 "
        + (host.isEmpty() ? "localhost" : host)
        + "，数据库 "
        + (database.isEmpty() ? "（未写明，按用户名）" : database);
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
