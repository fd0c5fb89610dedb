package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.job.Failures;

/**
 * The database setting's mistakes, said in the operators' words: neither needs a PostgreSQL, so
 * they run wherever the jar does. Settings from the environment start the jar with it; the same
 * setting as an option runs as the jar runs it once started ({@link InProcess}).
 */
class DatabaseSettingIT {

  @TempDir Path tmp;

  private List<String> run(String... database) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--publish",
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
    Jar.Result option = InProcess.run(run("--database", "jdbc:mysql://db/plan"));
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

  /** URLs from a config map that would run code or put the state elsewhere: refused, exit 2. */
  static Stream<Arguments> hostileUrls() {
    return Stream.of(
        Arguments.of("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '{script}'", "H2 状态数据库由本工具按 --state 自行确定"),
        Arguments.of("jdbc:h2:file:{elsewhere}/plan-reports", "H2 状态数据库由本工具按 --state 自行确定"),
        Arguments.of("JDBC:H2:mem:x;INIT=RUNSCRIPT FROM '{script}'", "H2 状态数据库由本工具按 --state 自行确定"),
        Arguments.of(
            "jdbc:postgresql://127.0.0.1:1/db?loggerLevel=DEBUG&loggerFile={elsewhere}/pg.log",
            "连接参数 loggerLevel"),
        Arguments.of(
            "jdbc:postgresql://127.0.0.1:1/db?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext&socketFactoryArg=file:{script}",
            "连接参数 socketFactory"),
        Arguments.of(
            "jdbc:postgresql://127.0.0.1:1/db?ssl=true&sslfactory=java.lang.Object",
            "连接参数 sslfactory"),
        Arguments.of(
            "jdbc:postgresql://127.0.0.1:1/db?authenticationPluginClassName=x.Y",
            "连接参数 authenticationPluginClassName"));
  }

  @ParameterizedTest
  @MethodSource("hostileUrls")
  void shouldRefuseAUrlThatRunsCodeOrPutsTheStateElsewhereWithExit2(String url, String why)
      throws Exception {
    Path marker = tmp.resolve("elsewhere/marker");
    Path script = hostileScript(marker);
    String filled =
        url.replace("{script}", script.toString())
            .replace("{elsewhere}", tmp.resolve("elsewhere").toString());

    Jar.Result option = InProcess.run(run("--database", filled));
    Jar.Result env =
        Jar.run(
            tmp,
            List.of("history", "--state", tmp.resolve("state").toString()),
            Map.of("PLANREPORTS_DATABASE_URL", filled));

    for (Jar.Result r : List.of(option, env)) {
      assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err().strip()).hasLineCount(1).contains("的取值无效", why);
    }
    assertNothingCreated(marker);
  }

  /** Spring's own settings from the environment or system properties: refused, exit 2. */
  static Stream<Arguments> hostileSpringSettings() {
    return Stream.of(
        Arguments.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '{script}'"),
        Arguments.of("SPRING_DATASOURCE_HIKARI_CONNECTIONINITSQL", "RUNSCRIPT FROM '{script}'"),
        Arguments.of("spring.datasource.url", "jdbc:h2:file:{elsewhere}/plan-reports"),
        Arguments.of("SPRING_SQL_INIT_SCHEMALOCATIONS", "file:{script}"),
        Arguments.of(
            "SPRING_APPLICATION_JSON",
            "{\"spring\":{\"datasource\":{\"url\":\"jdbc:h2:file:{elsewhere}/x\"}}}"),
        Arguments.of("SPRING_CONFIG_IMPORT", "file:{elsewhere}/evil.yaml"));
  }

  @ParameterizedTest
  @MethodSource("hostileSpringSettings")
  void shouldRefuseSpringsOwnDatabaseSettingsFromTheEnvironmentWithExit2(String name, String value)
      throws Exception {
    Path marker = tmp.resolve("elsewhere/marker");
    Path script = hostileScript(marker);
    String filled =
        value
            .replace("{script}", script.toString())
            .replace("{elsewhere}", tmp.resolve("elsewhere").toString());

    Jar.Result r = Jar.run(tmp, run(), Map.of(name, filled));

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().strip()).hasLineCount(1).contains(name, "不予接受");
    assertNothingCreated(marker);
  }

  @Test
  void shouldIgnoreAnApplicationYamlInTheWorkingFolder() throws Exception {
    Path marker = tmp.resolve("elsewhere/marker");
    Path script = hostileScript(marker);
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    String yaml =
        "spring:\n  datasource:\n    url: \"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '"
            + script
            + "'\"\n    hikari:\n      connection-init-sql: \"RUNSCRIPT FROM '"
            + script
            + "'\"\n";
    Files.writeString(cwd.resolve("application.yaml"), yaml);
    Files.createDirectories(cwd.resolve("config"));
    Files.writeString(cwd.resolve("config/application.yaml"), yaml);
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of("java", "-Xmx512m", "-jar", Path.of(Jar.PATH).toAbsolutePath().toString()));
    cmd.addAll(
        List.of(
            "validate",
            "--input",
            Path.of("input").toAbsolutePath().toString(),
            "--output",
            tmp.resolve("out").toString(),
            "--state",
            tmp.resolve("state").toString()));
    Path log = tmp.resolve("validate.txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    assertThat(marker).doesNotExist();
    assertThat(tmp.resolve("state/plan-reports.mv.db")).exists();
  }

  /** An H2 script that writes {@code marker} if anything runs it. */
  private Path hostileScript(Path marker) throws Exception {
    Path script = tmp.resolve("evil.sql");
    Files.writeString(
        script,
        "CALL FILE_WRITE(STRINGTOUTF8('ran'), '" + marker + "');\n",
        StandardCharsets.UTF_8);
    return script;
  }

  private void assertNothingCreated(Path marker) {
    assertThat(marker).doesNotExist();
    assertThat(tmp.resolve("elsewhere")).doesNotExist();
    assertThat(tmp.resolve("state")).doesNotExist();
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
