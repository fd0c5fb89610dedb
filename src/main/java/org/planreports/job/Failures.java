package org.planreports.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.planreports.core.Causes;
import org.planreports.core.Messages;
import org.springframework.dao.DataAccessException;

/**
 * One Chinese sentence for an operator about a failure: what went wrong and with which file. The
 * stack trace goes to the log file; the terminal gets only this.
 */
public final class Failures {

  private static final Messages WORDS = Messages.bundle("operator");

  /** The sentences of issue 20 (database and disk), kept with the command line's. */
  private static final Messages CLI = Messages.bundle("cli");

  private Failures() {}

  /** The log file of a run under its state folder. */
  public static Path logFile(Path state) {
    return state.resolve("logs").resolve("plan-reports.log");
  }

  /** The shared database of this process, as messages name it; null with the H2 file. */
  private static volatile String database;

  /** Whether the shared database answers now. */
  private static volatile java.util.function.BooleanSupplier reachable = () -> true;

  /**
   * Names the shared database in the messages of a lost connection ({@code null}: none), and how to
   * find out whether it still answers.
   */
  public static void database(String where, java.util.function.BooleanSupplier answers) {
    database = where;
    reachable = answers;
  }

  /**
   * Whether the failure is the database being out of reach: SQLState class 08 or the pool giving up
   * waiting for a connection; or any other failure of a database call (a closed connection, a
   * failed commit) while the database does not answer.
   */
  static boolean connectionLost(Throwable e) {
    boolean database = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || (t instanceof java.sql.SQLException s
              && s.getSQLState() != null
              && s.getSQLState().startsWith("08"))) {
        return true;
      }
      database |=
          t instanceof java.sql.SQLException
              || t instanceof DataAccessException
              || t instanceof org.springframework.transaction.TransactionException;
    }
    return database && !reachable.getAsBoolean();
  }

  public static String describe(Throwable e) {
    String where = database;
    if (where != null && connectionLost(e)) {
      return CLI.format("dbdisk.database.lost", where, Causes.deepest(e));
    }
    FileSystemException fs = find(e, FileSystemException.class);
    if (fs != null && fs.getFile() != null) {
      return fs instanceof NoSuchFileException
          ? WORDS.get("job.failures.notFound", "file", shown(fs.getFile()))
          : WORDS.get(
              "job.failures.cannotWrite", "file", shown(fs.getFile()), "reason", reason(fs));
    }
    IOException io = find(e, IOException.class);
    if (io != null) {
      String file = databaseFile(e);
      return file != null
          ? CLI.format("dbdisk.failure.databaseFile", file, reason(io))
          : WORDS.get("job.failures.io", "reason", reason(io));
    }
    DataAccessException db = find(e, DataAccessException.class);
    if (db != null) {
      return WORDS.get("job.failures.database", "cause", Causes.deepest(db));
    }
    return Causes.deepest(e);
  }

  /** H2's "IO Exception" (90028) names the database file its write failed on. */
  private static final java.util.regex.Pattern H2_FILE =
      java.util.regex.Pattern.compile("IO Exception: \"([^\"]+)\"");

  /** The H2 file of this process's state folder; null with a shared database. */
  private static volatile String stateFile;

  /** The H2 file a failure of H2 itself is a failure to read or write. */
  public static void stateFile(String file) {
    stateFile = file;
  }

  /**
   * The state database file a failed write was to: where H2 names it, or the state folder's H2 file
   * when the failure is H2's (its MVStore names only a channel).
   */
  static String databaseFile(Throwable e) {
    boolean h2 = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      java.util.regex.Matcher m = H2_FILE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return m.group(1);
      }
      h2 |= t.getClass().getName().startsWith("org.h2.");
    }
    return h2 ? stateFile : null;
  }

  /**
   * A path as the operator will look for it: files are written under a hidden {@code .name.part}
   * first and moved into place, so {@code edition-1} is named, not {@code .edition-1.part}.
   */
  static String shown(String file) {
    return file.replaceAll("(^|/)\\.([^/]+)\\.part(?=/|$)", "$1$2");
  }

  /** The cause in the operator's words, where it is one an operator can remove. */
  static String reason(IOException e) {
    String text = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    String r = text == null ? "" : text.toLowerCase(Locale.ROOT);
    if (r.contains("no space left") || r.contains("disk quota")) {
      return WORDS.get("job.failures.reason.noSpace");
    }
    if (r.contains("file too large")) {
      return CLI.format("dbdisk.failure.fileTooLarge");
    }
    if (e instanceof AccessDeniedException
        || r.contains("permission denied")
        || r.contains("operation not permitted")) {
      return WORDS.get("job.failures.reason.denied");
    }
    if (r.contains("read-only file system")) {
      return WORDS.get("job.failures.reason.readOnly");
    }
    if (e instanceof NotDirectoryException || r.contains("not a directory")) {
      return WORDS.get("job.failures.reason.notDirectory");
    }
    if (e instanceof FileAlreadyExistsException) {
      return WORDS.get("job.failures.reason.exists");
    }
    if (e instanceof DirectoryNotEmptyException) {
      return WORDS.get("job.failures.reason.notEmpty");
    }
    if (e instanceof NoSuchFileException) {
      return WORDS.get("job.failures.reason.noSuchFile");
    }
    if (r.contains("input/output error")) {
      return WORDS.get("job.failures.reason.ioError");
    }
    if (text == null || text.isBlank() || text.strip().equals("null")) {
      // Nothing said (a FileSystemException's message would only repeat the file): its cause's
      // words, else what kind of failure it is.
      return e.getCause() != null ? Causes.of(e.getCause()) : Causes.kind(e);
    }
    return text;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      for (Throwable s : t.getSuppressed()) {
        T inner = find(s, type);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }
}
