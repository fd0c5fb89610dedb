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
import org.springframework.dao.DataAccessException;

/**
 * One Chinese sentence for an operator about a failure: what went wrong and with which file. The
 * stack trace goes to the log file; the terminal gets only this.
 */
public final class Failures {

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
      return text("dbdisk.database.lost").replace("{0}", where).replace("{1}", Causes.deepest(e));
    }
    FileSystemException fs = find(e, FileSystemException.class);
    if (fs != null && fs.getFile() != null) {
      return fs instanceof NoSuchFileException
          ? "找不到 " + shown(fs.getFile())
          : "无法写入 " + shown(fs.getFile()) + "：" + reason(fs);
    }
    IOException io = find(e, IOException.class);
    if (io != null) {
      String file = databaseFile(e);
      return file != null
          ? text("dbdisk.failure.databaseFile").replace("{0}", file).replace("{1}", reason(io))
          : "读写文件失败：" + reason(io);
    }
    DataAccessException db = find(e, DataAccessException.class);
    if (db != null) {
      return "状态数据库读写失败：" + Causes.deepest(db);
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

  private static String text(String key) {
    return java.util.ResourceBundle.getBundle("messages.cli", Locale.ROOT).getString(key);
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
      return "磁盘空间不足";
    }
    if (r.contains("file too large")) {
      return text("dbdisk.failure.fileTooLarge");
    }
    if (e instanceof AccessDeniedException
        || r.contains("permission denied")
        || r.contains("operation not permitted")) {
      return "权限不足";
    }
    if (r.contains("read-only file system")) {
      return "文件系统只读";
    }
    if (e instanceof NotDirectoryException || r.contains("not a directory")) {
      return "路径中有一个普通文件占据了应为文件夹的位置";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "该位置已有同名的文件或文件夹";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "文件夹不为空";
    }
    if (e instanceof NoSuchFileException) {
      return "文件或文件夹不存在";
    }
    if (r.contains("input/output error")) {
      return "磁盘读写错误";
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
