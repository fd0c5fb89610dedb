package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which database the option and the environment select, and how it is named in messages. */
class StateDatabaseTest {

  private static final Path STATE = Path.of("state");

  @Test
  void shouldKeepTheStateFoldersH2FileWithoutASetting() {
    StateDatabase db = StateDatabase.resolve(null, null, STATE, Map.of());

    assertThat(db.kind()).isEqualTo(StateDatabase.Kind.H2);
    assertThat(db.isShared()).isFalse();
    assertThat(db.localFile(STATE)).contains(STATE.resolve("plan-reports.mv.db"));
  }

  @Test
  void shouldPreferTheOptionToTheEnvironmentAndTakeThePasswordFromTheEnvironmentOnly() {
    Map<String, String> env =
        Map.of(
            StateDatabase.URL_ENV, "jdbc:postgresql://env-host/env",
            StateDatabase.USER_ENV, "plan",
            StateDatabase.PASSWORD_ENV, "secret");

    StateDatabase fromEnv = StateDatabase.resolve(null, null, STATE, env);
    StateDatabase fromOption =
        StateDatabase.resolve(
            "jdbc:postgresql://db1:5432/plan_reports?ssl=true", "ops", STATE, env);

    assertThat(fromEnv.isShared()).isTrue();
    assertThat(fromEnv.user()).isEqualTo("plan");
    assertThat(fromEnv.where()).isEqualTo("主机 env-host:5432，数据库 env");
    assertThat(fromOption.where()).isEqualTo("主机 db1:5432，数据库 plan_reports");
    assertThat(fromOption.user()).isEqualTo("ops");
    assertThat(fromOption.password()).isEqualTo("secret");
    assertThat(fromOption.localFile(STATE)).isEmpty();
    assertThat(fromOption.toString()).doesNotContain("secret");
  }

  @Test
  void shouldRefuseAnotherDatabaseNamingWhereTheUrlCameFrom() {
    assertThatThrownBy(() -> StateDatabase.resolve("jdbc:mysql://db/x", null, STATE, Map.of()))
        .isInstanceOfSatisfying(
            StateDatabase.Refused.class,
            r -> assertThat(r.args()).containsExactly("--database", "jdbc:mysql://db/x"));
    assertThatThrownBy(
            () ->
                StateDatabase.resolve(
                    null, null, STATE, Map.of(StateDatabase.URL_ENV, "postgres://db/x")))
        .isInstanceOfSatisfying(
            StateDatabase.Refused.class,
            r -> assertThat(r.args()[0]).isEqualTo("环境变量 PLANREPORTS_DATABASE_URL"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '/tmp/x.sql'|dbdisk.database.h2",
        "jdbc:h2:file:/elsewhere/plan-reports|dbdisk.database.h2",
        "Jdbc:H2:./state/plan-reports|dbdisk.database.h2",
        "jdbc:postgresql://db/x?socketFactory=a.B|dbdisk.database.parameter",
        "jdbc:postgresql://db/x?ssl=true&SSLFACTORY=a.B|dbdisk.database.parameter",
        "jdbc:postgresql://db/x?sslhostnameverifier=a.B|dbdisk.database.parameter",
        "jdbc:postgresql://db/x?sslpasswordcallback=a.B|dbdisk.database.parameter",
        "jdbc:postgresql://db/x?authenticationPluginClassName=a.B|dbdisk.database.parameter",
        "jdbc:postgresql://db/x?loggerFile=/etc/cron.d/x|dbdisk.database.parameter",
        "jdbc:postgresql://db/x?logger%46ile=/etc/cron.d/x|dbdisk.database.parameter",
        "jdbc:sqlite:x.db|dbdisk.database.notPostgres"
      })
  void shouldRefuseEveryUrlButAPlainPostgresqlOne(String url, String key) {
    for (Map<String, String> env :
        List.of(Map.<String, String>of(), Map.of(StateDatabase.URL_ENV, url))) {
      String option = env.isEmpty() ? url : null;
      assertThatThrownBy(() -> StateDatabase.resolve(option, null, STATE, env))
          .isInstanceOfSatisfying(
              StateDatabase.Refused.class, r -> assertThat(r.key()).isEqualTo(key));
    }
  }

  @Test
  void shouldPassSpringOnlyTheToolsOwnSettings() {
    Map<String, String> env =
        Map.of(
            "PLANREPORTS_CHUNKSIZE", "500",
            "PLANREPORTS_DATABASE_PASSWORD", "secret",
            "SPRING_DATASOURCE_URL", "jdbc:h2:mem:x",
            "SPRING_APPLICATION_JSON", "{}",
            "PATH", "/bin");

    assertThat(StateDatabase.springEnvironment(env)).containsOnlyKeys("PLANREPORTS_CHUNKSIZE");
    assertThat(
            StateDatabase.springSystemProperties(
                Map.of(
                    "java.io.tmpdir", "/tmp", "spring.datasource.url", "x", "logging.config", "y")))
        .containsOnlyKeys("java.io.tmpdir");
    assertThat(StateDatabase.springSetting(env, Map.of())).contains("SPRING_APPLICATION_JSON");
    assertThat(StateDatabase.springSetting(Map.of("PLANREPORTS_CHUNKSIZE", "1"), Map.of()))
        .isEmpty();
    assertThat(
            StateDatabase.springSetting(
                Map.of(), Map.of("spring.sql.init.schema-locations", "file:/x.sql")))
        .contains("spring.sql.init.schema-locations");
    assertThat(StateDatabase.h2(STATE).springArguments())
        .contains("--spring.config.location=classpath:/application.yaml");
  }
}
