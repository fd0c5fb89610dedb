package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state database cannot grow: the run is started under a file-size limit ({@code ulimit -f},
 * which works in a plain temporary folder, as any user, where a small filesystem needs root), and
 * the H2 file hits it while a large extract is staged. The terminal gets one line naming the file
 * and one pointing to the log; before, it said "读写文件失败：File too large" naming nothing.
 */
class FullStateDiskIT {

  /**
   * 16 MB, in the 1 KB blocks of {@code ulimit -f}: the fonts' temporary files fit, the state of a
   * 6 MB extract not.
   */
  static final int LIMIT_KB = 16384;

  @TempDir Path tmp;

  @Test
  void shouldSayInOneLineWhichStateFileCouldNotBeWritten() throws Exception {
    Path input = Jar.inputWithLarge2023(tmp.resolve("in"), 6_000_000L);
    Path state = tmp.resolve("state");
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    String command =
        "ulimit -f "
            + LIMIT_KB
            + "; exec java -jar "
            + Path.of(Jar.PATH).toAbsolutePath()
            + " run --publish --input "
            + input
            + " --output "
            + tmp.resolve("out")
            + " --state "
            + state
            + " --year 2023";
    Process p =
        new ProcessBuilder("bash", "-c", command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(err, StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(said).isEqualTo(ExitCodes.FAILURE);
    assertThat(said.strip())
        .hasLineCount(2)
        .startsWith("运行失败：无法写入状态数据库 " + state.toAbsolutePath().resolve("plan-reports.mv.db"))
        .contains("文件超过了允许的大小")
        .doesNotContain("\tat ", "Exception");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain("\tat ", "ERROR");
  }
}
