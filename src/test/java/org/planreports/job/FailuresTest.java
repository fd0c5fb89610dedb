package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A failure in one Chinese line that names the file as the operator will find it. */
class FailuresTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "space | /out/500119/2023-annual/.edition-1.part/a.pdf | 无法写入 /out/500119/2023-annual/edition-1/a.pdf：磁盘空间不足",
        "space | /out/validation/.validation-report.csv.part | 无法写入 /out/validation/validation-report.csv：磁盘空间不足",
        "denied | /out/500119 | 无法写入 /out/500119：权限不足",
        "notdir | /out/500119/2023-annual | 无法写入 /out/500119/2023-annual：路径中有一个普通文件占据了应为文件夹的位置",
        "missing | /in/a.csv | 找不到 /in/a.csv",
        "readonly | /out/.hidden.part.txt | 无法写入 /out/.hidden.part.txt：文件系统只读",
      })
  void shouldSayTheCauseAndTheFileAsTheOperatorSeesIt(String kind, String file, String said) {
    FileSystemException e =
        switch (kind) {
          case "space" -> new FileSystemException(file, null, "No space left on device");
          case "denied" -> new AccessDeniedException(file);
          case "notdir" -> new NotDirectoryException(file);
          case "missing" -> new NoSuchFileException(file);
          default -> new FileSystemException(file, null, "Read-only file system");
        };
    // Wrapped as the steps wrap it.
    assertThat(Failures.describe(new RuntimeException(new UncheckedIOException(e))))
        .isEqualTo(said);
  }

  @ParameterizedTest
  @CsvSource({"Input/output error, 读写文件失败：磁盘读写错误", "something else, 读写文件失败：something else"})
  void shouldSayAnIoErrorWithoutAFile(String message, String said) {
    assertThat(Failures.describe(new IOException(message))).isEqualTo(said);
  }

  /**
   * Failures whose exceptions say nothing (a null or blank message) are still said in words: no
   * "null", no bare class name (issue 19 item 8).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "database root without message | 状态数据库读写失败：数据库操作出错",
        "database root without message under one with | 状态数据库读写失败：查询出错",
        "bare exception | 程序内部错误：用到了一个缺少的值",
        "bare exception under one with a message | 计算 R&D 经费投入强度时出错",
        "io without message | 读写文件失败：读写文件出错",
        "file without reason | 无法写入 /out/a.pdf：文件在结尾之前中断（不完整）",
        "unnamed kind | 程序内部错误（NoSuchElementException），详情见日志文件",
        "lost database without message | 无法连接状态数据库 PostgreSQL（db.example:5432/plans）：数据库连接不上（已停止、重启中或网络不通；数据库操作出错）。数据库恢复后，用同一命令重新运行即可从中断处继续",
      })
  void shouldSayAFailureThatSaysNothingInWords(String kind, String said) {
    Throwable e =
        switch (kind) {
          case "database root without message" ->
              new org.springframework.dao.DataAccessResourceFailureException(
                  null, new java.sql.SQLException((String) null));
          case "database root without message under one with" ->
              new org.springframework.dao.DataAccessResourceFailureException(
                  "PreparedStatementCallback",
                  new java.sql.SQLException("查询出错", new NullPointerException()));
          case "bare exception" -> new RuntimeException(new NullPointerException());
          case "bare exception under one with a message" ->
              new RuntimeException(
                  new IllegalStateException("计算 R&D 经费投入强度时出错", new NullPointerException()));
          case "io without message" -> new UncheckedIOException(new IOException());
          case "file without reason" -> {
            FileSystemException f = new FileSystemException("/out/a.pdf", null, null);
            f.initCause(new java.io.EOFException());
            yield f;
          }
          case "unnamed kind" -> new java.util.NoSuchElementException();
          default ->
              new org.springframework.dao.DataAccessResourceFailureException(
                  null, new java.sql.SQLTransientConnectionException((String) null));
        };
    boolean lost = kind.startsWith("lost");
    if (lost) {
      Failures.database("db.example:5432/plans", () -> false);
    }
    try {
      assertThat(Failures.describe(e)).isEqualTo(said).doesNotContain("null", "Exception:");
    } finally {
      if (lost) {
        Failures.database(null, () -> true);
      }
    }
  }
}
