package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.planreports.PlanReportsApplication;
import org.planreports.ingest.InputSet;
import org.planreports.job.JobOutcome;
import org.planreports.job.JobService;
import org.planreports.job.StateStore;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.PublicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a job as an operator asked: takes the state folder's lock, opens the H2 state database in
 * it, starts (or resumes) the job and turns its outcome into an exit code and a few lines of text.
 */
final class JobRunner {

  private JobRunner() {}

  /** Spring, with the job repository and staging tables in the state folder's H2 file database. */
  static ConfigurableApplicationContext context(Path state) {
    // A command-line property outranks application.yaml, whose in-memory default serves the tests.
    String url =
        "jdbc:h2:file:"
            + state.toAbsolutePath().normalize().resolve("plan-reports")
            + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
    return new SpringApplicationBuilder(PlanReportsApplication.class)
        .logStartupInfo(false)
        .run("--spring.datasource.url=" + url);
  }

  static int run(
      CommonOptions common,
      String mode,
      Integer year,
      String assessment,
      String reason,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    if (common.encoding != null && !supported(common.encoding)) {
      err.println("不支持的编码：" + common.encoding + "（可用 UTF-8、GB18030、GBK）");
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(common.input)) {
      err.println("输入目录不存在：" + common.input);
      return ExitCodes.USAGE;
    }
    Plan plan = common.plan == null ? PlanLoader.loadDefault() : PlanLoader.load(common.plan);
    if (assessment != null
        && PublicationType.fromId(assessment).isBulletin()
        && plan.bulletin(assessment).isEmpty()) {
      err.println(
          "--assessment "
              + assessment
              + "：方案未声明这一专题公报（可用：annual、midterm、final"
              + plan.bulletins().stream().map(b -> "、" + b.id()).reduce("", String::concat)
              + "）");
      return ExitCodes.USAGE;
    }
    InputSet input = InputSet.scan(common.input);
    String command =
        mode
            + " --input "
            + common.input
            + " --output "
            + common.output
            + (year == null ? "" : " --year " + year)
            + (assessment == null ? "" : " --assessment " + assessment);
    Optional<StateLock> lock = StateLock.tryAcquire(common.state, command);
    if (lock.isEmpty()) {
      err.println("状态目录 " + common.state + " 正被另一次运行占用：" + StateLock.holder(common.state));
      err.println("请等待其结束后再运行。");
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get();
        ConfigurableApplicationContext ctx = context(common.state)) {
      // Under the lock no other run writes here: what a killed run left half-written goes.
      AtomicFiles.sweepPartials(common.output);
      JobService jobs = ctx.getBean(JobService.class);
      Map<String, String> params = new LinkedHashMap<>();
      params.put("input", common.input.toAbsolutePath().normalize().toString());
      params.put("input.digest", input.digest());
      params.put("plan", common.plan == null ? "" : common.plan.toAbsolutePath().toString());
      params.put("plan.digest", plan.digest());
      params.put("output", common.output.toAbsolutePath().normalize().toString());
      params.put("state", common.state.toAbsolutePath().normalize().toString());
      params.put("year", year == null ? "" : String.valueOf(year));
      params.put("assessment", assessment == null ? "" : assessment);
      params.put("mode", mode);
      params.put("reason", reason == null ? "" : reason);
      params.put("encoding", common.encoding == null ? "" : common.encoding);
      params.put("tool.version", Main.toolVersion());
      // The job's steps use the plan and input set loaded and hashed here, not their own copies.
      org.planreports.job.RunInputs.remember(params.get("plan"), plan, common.input, input);
      // What is published is part of a run's identity: after a rerun has published a corrected
      // edition, the same run command is a new job instance that finds it, not a replay of the
      // refusal; a killed run, which published nothing yet, is still resumed.
      params.put("published.digest", ctx.getBean(StateStore.class).publishedDigest());
      if (mode.equals("validate")) {
        // Validation has nothing to resume: each validate is a job instance of its own, so the same
        // input validated twice is checked and reported twice.
        params.put("validated.at", Instant.now().toString());
      }
      JobOutcome outcome = jobs.start(mode.equals("validate"), params);
      return report(outcome, mode, out, err);
    }
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  private static int report(JobOutcome o, String mode, PrintWriter out, PrintWriter err) {
    if (o.validationSummary() != null) {
      (o.validationErrors() > 0 ? err : out).println(o.validationSummary());
      if (!o.validationLines().isBlank()) {
        (o.validationErrors() > 0 ? err : out).println(o.validationLines());
      }
      out.println("校验报告：" + o.validationReport());
    }
    switch (o.kind()) {
      case ALREADY_DONE -> {
        out.println("输入与上次相同，本次没有发布任何新内容。已发布的版本：");
        o.editions().forEach(e -> out.println("  " + e));
        return ExitCodes.OK;
      }
      case INVALID -> {
        err.println("输入数据未通过校验，未发布任何内容。");
        return ExitCodes.INVALID_INPUT;
      }
      case REFUSED -> {
        err.println("以下发布物已用不同的输入发布过，本次未发布任何内容：");
        o.refused().forEach(r -> err.println("  " + r));
        err.println("如需发布更正版本，请使用：rerun --year 年份 --assessment 类型 --reason \"更正原因\"");
        return ExitCodes.ALREADY_PUBLISHED;
      }
      case NOTHING_TO_PUBLISH -> {
        err.println(o.message());
        return ExitCodes.FAILURE;
      }
      case FAILED -> {
        err.println("运行失败：" + o.message());
        err.println("原因排除后，用同一命令重新运行即可从中断处继续。");
        return ExitCodes.FAILURE;
      }
      default -> {
        if (mode.equals("validate")) {
          return ExitCodes.OK;
        }
        if (o.published().isEmpty()) {
          out.println("内容与已发布版本相同，本次没有发布任何新内容。");
        } else {
          out.println("已发布：");
          o.published().forEach(p -> out.println("  " + p));
          o.corrections().forEach(out::println);
        }
        if (!o.unchanged().isEmpty()) {
          out.println("未变化（未重复发布）：");
          o.unchanged().forEach(p -> out.println("  " + p));
        }
        return ExitCodes.OK;
      }
    }
  }
}
