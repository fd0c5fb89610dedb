package org.planreports.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.planreports.job.PublicationHistory;
import org.planreports.job.StateStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "列出历次运行及其状态，以及已发布的各版本（来自状态目录中的作业记录）。")
class HistoryCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<StateLock> lock = StateLock.tryAcquire(common.state, "history");
    if (lock.isEmpty()) {
      spec.commandLine().getErr().println("状态目录正被另一次运行占用：" + StateLock.holder(common.state));
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get();
        ConfigurableApplicationContext ctx = JobRunner.context(common.state)) {
      JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
      out.println("运行记录：");
      for (Map<String, Object> r :
          jdbc.queryForList(
              "SELECT e.JOB_EXECUTION_ID id, i.JOB_NAME job, e.START_TIME started, e.END_TIME ended, e.STATUS status, e.EXIT_CODE exit_code,"
                  + " (SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'mode') mode"
                  + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID ORDER BY e.JOB_EXECUTION_ID")) {
        out.printf(
            "  #%s %s %s  开始 %s  结束 %s  %s/%s%n",
            r.get("id"),
            r.get("job"),
            r.get("mode"),
            r.get("started"),
            r.get("ended"),
            r.get("status"),
            r.get("exit_code"));
      }
      out.println("已发布版本：");
      java.util.Set<String> pending = new java.util.HashSet<>();
      for (PublicationHistory.Row r : ctx.getBean(PublicationHistory.class).rows()) {
        if (r.status().equals(PublicationHistory.PENDING)) {
          pending.add(r.edition().folder());
        }
      }
      for (StateStore.Edition e : ctx.getBean(StateStore.class).allEditions()) {
        out.printf(
            "  %s %s 第%d版%s  运行#%d  %s%s%n",
            e.region(),
            e.publication(),
            e.edition(),
            pending.contains(e.folder()) ? "（发布未完成，下次运行时核对）" : "",
            e.jobExecutionId(),
            e.folder(),
            e.reason() == null || e.reason().isBlank() ? "" : "  更正原因：" + e.reason());
      }
      return ExitCodes.OK;
    }
  }
}
