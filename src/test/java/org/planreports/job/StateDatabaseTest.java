package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    assertThat(fromEnv.where()).isEqualTo("主机 env-host，数据库 env");
    assertThat(fromOption.where()).isEqualTo("主机 db1:5432，数据库 plan_reports");
    assertThat(fromOption.user()).isEqualTo("ops");
    assertThat(fromOption.password()).isEqualTo("secret");
    assertThat(fromOption.localFile(STATE)).isEmpty();
    assertThat(fromOption.toString()).doesNotContain("secret");
  }

  @Test
  void shouldRefuseAnotherDatabaseNamingWhereTheUrlCameFrom() {
    assertThatThrownBy(() -> StateDatabase.resolve("jdbc:mysql://db/x", null, STATE, Map.of()))
        .hasMessageStartingWith("--database 的取值无效：jdbc:mysql://db/x");
    assertThatThrownBy(
            () ->
                StateDatabase.resolve(
                    null, null, STATE, Map.of(StateDatabase.URL_ENV, "postgres://db/x")))
        .hasMessageStartingWith("环境变量 PLANREPORTS_DATABASE_URL 的取值无效");
  }
}
