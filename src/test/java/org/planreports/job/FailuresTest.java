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
}
