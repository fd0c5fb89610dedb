package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run recorded but never started (the process was killed between recording it and its first step)
 * has no start time: history says so in words, not "null" (issue 19 item 8).
 */
@SpringBootTest(
    properties = "spring.datasource.url=jdbc:h2:mem:history-not-started-test;DB_CLOSE_DELAY=-1")
class HistoryNotStartedTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ConfigurableApplicationContext ctx;

  @Test
  void aRunNeverStartedHasNoNullForItsStartTime() {
    jdbc.update(
        "INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)"
            + " VALUES (1, 0, 'planReportsJob', 'never-started')");
    jdbc.update(
        "INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME,"
            + " START_TIME, END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)"
            + " VALUES (1, 0, 1, CURRENT_TIMESTAMP, NULL, NULL, 'STARTING', 'UNKNOWN', '',"
            + " CURRENT_TIMESTAMP)");
    StringWriter said = new StringWriter();

    int exit = new HistoryCommand().list(ctx, new PrintWriter(said, true));

    assertThat(exit).isZero();
    assertThat(said.toString())
        .contains("#1  （未开始） → （未结束）")
        .contains("中断（进程未正常结束；同一命令可继续）")
        .doesNotContain("null");
  }
}
