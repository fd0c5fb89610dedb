package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.job.Failures;

/**
 * The database setting's mistakes, said in the operators' words: neither needs a PostgreSQL, so
 * they run wherever the jar does.
 */
class DatabaseSettingIT {

  @TempDir Path tmp;

  private List<String> run(String... database) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--input",
                Path.of("input").toAbsolutePath().toString(),
                "--output",
                tmp.resolve("out").toString(),
                "--state",
                tmp.resolve("state").toString(),
                "--year",
                "2023"));
    args.addAll(List.of(database));
    return args;
  }

  @Test
  void shouldRefuseADatabaseOtherThanPostgresqlWithExit2() throws Exception {
    Jar.Result option = Jar.run(tmp, run("--database", "jdbc:mysql://db/plan"));
    Jar.Result env =
        Jar.run(
            tmp,
            List.of("history", "--state", tmp.resolve("state").toString()),
            Map.of("PLANREPORTS_DATABASE_URL", "jdbc:sqlite:plan.db"));

    assertThat(option.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err().strip())
        .startsWith("--database 的取值无效：jdbc:mysql://db/plan")
        .hasLineCount(1);
    assertThat(env.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(env.err()).contains("环境变量 PLANREPORTS_DATABASE_URL 的取值无效");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void shouldSayInOneLineWhichPostgresqlCannotBeReachedWithExit1() throws Exception {
    Jar.Result r =
        Jar.run(
            tmp,
            run("--database", "jdbc:postgresql://127.0.0.1:1/plan_reports"),
            Map.of("PLANREPORTS_DATABASE_PASSWORD", "secret"));

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err().strip())
        .hasLineCount(1)
        .contains("无法连接共享状态数据库", "主机 127.0.0.1:1", "数据库 plan_reports")
        .doesNotContain("secret", "\tat ");
    assertThat(Failures.logFile(tmp.resolve("state"))).content().contains("Connection");
    assertThat(Files.exists(tmp.resolve("state/publication-history.check"))).isFalse();
  }
}
