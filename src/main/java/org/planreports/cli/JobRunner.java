package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planreports.PlanReportsApplication;
import org.planreports.core.Glyphs;
import org.planreports.ingest.InputSet;
import org.planreports.job.CityService;
import org.planreports.job.DistrictLocks;
import org.planreports.job.DistrictWork;
import org.planreports.job.Failures;
import org.planreports.job.JobOutcome;
import org.planreports.job.PublicationHistory;
import org.planreports.job.RunRequest;
import org.planreports.job.StateDatabase;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanBundles;
import org.planreports.plan.PublicationType;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.LinkGuard;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Runs a job as an operator asked: takes the state folder's lock, opens the H2 state database in
 * it, starts (or resumes) the job and turns its outcome into an exit code and a few lines of text.
 */
final class JobRunner {

  private JobRunner() {}

  /**
   * Spring, with the job repository and staging tables in the given database: the state folder's H2
   * file, or a shared PostgreSQL. The log stays in the state folder either way.
   */
  static ConfigurableApplicationContext context(Path state, StateDatabase db) {
    // A command-line property outranks application.yaml, whose in-memory default serves the tests.
    List<String> args = new ArrayList<>(db.springArguments());
    Failures.database(db.isShared() ? db.where() : null, db::answers);
    Failures.stateFile(
        db.localFile(state).map(f -> f.toAbsolutePath().normalize().toString()).orElse(null));
    // The terminal gets the few lines the commands print; the log, stack traces and all, goes to
    // a file in the state folder that a failure message names. A command that only reads a
    // read-only state folder logs nowhere rather than to the terminal.
    if (!db.isReadOnly() || writable(state)) {
      args.add("--logging.file.name=" + Failures.logFile(state.toAbsolutePath().normalize()));
    }
    args.add("--logging.threshold.console=OFF");
    // Spring reads only the tool's own settings from outside: an environment variable such as
    // SPRING_DATASOURCE_URL or SPRING_APPLICATION_JSON could otherwise choose the database.
    StandardEnvironment environment =
        new StandardEnvironment() {
          @Override
          protected void customizePropertySources(MutablePropertySources sources) {
            sources.addLast(
                new MapPropertySource(
                    SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    StateDatabase.springSystemProperties(System.getProperties())));
            sources.addLast(
                new SystemEnvironmentPropertySource(
                    SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    StateDatabase.springEnvironment(System.getenv())));
          }
        };
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(PlanReportsApplication.class)
            .environment(environment)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new));
    quietLogging();
    return ctx;
  }

  /**
   * Spring Boot has logback print its own troubles on the terminal (a log file on a full disk: a
   * stack trace for every line it could not write); the command's one line says what failed.
   */
  static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext lc) {
      var statuses = lc.getStatusManager();
      statuses.getCopyOfStatusListenerList().stream()
          .filter(l -> l instanceof ch.qos.logback.core.status.OnConsoleStatusListener)
          .forEach(statuses::remove);
    }
  }

  private static boolean writable(Path state) {
    Path logs = Failures.logFile(state).getParent();
    return Files.isDirectory(logs) ? Files.isWritable(logs) : Files.isWritable(state);
  }

  /** The H2 file of a state folder. */
  static Path database(Path state) {
    return state.resolve("plan-reports.mv.db");
  }

  /**
   * The state folder's database, opened and found to hold the publication history it held when the
   * last run ended; empty (with the reason printed) when it cannot be trusted. A shared database is
   * not checked against the state folder's check file, and one that cannot be reached is said in
   * one line naming its host and database.
   */
  static Optional<ConfigurableApplicationContext> openState(
      Path state, StateDatabase db, PrintWriter err) {
    ConfigurableApplicationContext ctx = null;
    boolean trusted;
    try {
      ctx = context(state, db);
      // Reading the whole history is what a damaged file fails on, if opening it did not.
      trusted = ctx.getBean(PublicationHistory.class).matchesCheck(state);
    } catch (RuntimeException e) {
      if (ctx != null) {
        ctx.close();
      }
      if (db.isShared() && fromTheDatabase(e)) {
        LoggerFactory.getLogger(JobRunner.class).error("共享状态数据库无法连接", e);
        err.println(unreachable(db, state, e));
        return Optional.empty();
      }
      if (!Files.exists(database(state)) || !fromTheDatabase(e)) {
        throw e;
      }
      LoggerFactory.getLogger(JobRunner.class).error("状态数据库无法打开", e);
      err.println("状态数据库 " + database(state) + " 无法正常打开（可能已损坏）：" + Failures.describe(e) + "。");
      err.println(damagedAdvice(state));
      return Optional.empty();
    }
    if (!trusted) {
      ctx.close();
      err.println(
          "状态数据库 "
              + database(state)
              + " 中的发布历史与上次运行结束时记录的不同（见 "
              + state.resolve(PublicationHistory.CHECK_FILE)
              + "）：数据库已损坏（打开时丢失了最近的内容）或被换成了旧的副本，不能再用。");
      err.println(damagedAdvice(state));
      return Optional.empty();
    }
    return Optional.of(ctx);
  }

  /** One line for a shared database that cannot be reached or refuses the tool. */
  static String unreachable(StateDatabase db, Path state, Throwable e) {
    return "无法连接共享状态数据库 PostgreSQL（"
        + db.where()
        + "）："
        + Failures.describe(e)
        + "。请检查 --database（或 "
        + StateDatabase.URL_ENV
        + "）、用户名和密码（"
        + StateDatabase.PASSWORD_ENV
        + "）以及数据库是否已启动；详细信息见 "
        + Failures.logFile(state)
        + "。";
  }

  static boolean fromTheDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException || t.getClass().getName().startsWith("org.h2.")) {
        return true;
      }
    }
    return false;
  }

  private static String damagedAdvice(Path state) {
    return "请把状态目录 "
        + state
        + " 整个移到别处保存（或改用一个新的 --state），再用同一命令重新运行："
        + "发布历史将按输出目录中各版本的 manifest.json 重建，已发布的文件不受影响。";
  }

  /**
   * Where runs with a shared database prepared their files before version 0.1.0's issue 20: inside
   * the published tree. Runs now prepare them under {@code --state} (see {@link RunRequest}); a
   * folder an older run left there is removed under the output lock.
   */
  static final String LEGACY_WORK_ON_OUTPUT = ".plan-reports-work";

  /** The most characters of a rerun's reason: it is printed in the notice and kept in history. */
  static final int MAX_REASON = 500;

  static int run(
      CommonOptions common,
      String mode,
      Integer year,
      String assessment,
      String reason,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
      err.println(
          "--reason 过长：共"
              + reason.codePointCount(0, reason.length())
              + "个字符，最多"
              + MAX_REASON
              + "个；请写明更正了什么、依据什么，细节可写在随附说明中。");
      return ExitCodes.USAGE;
    }
    if (inside(common.state, common.output)) {
      err.println(
          "状态目录 "
              + common.state
              + " 位于输出目录 "
              + common.output
              + " 之内（或就是它）：状态数据库会随发布物一起发布。请把 --state 指向输出目录之外的文件夹。");
      return ExitCodes.USAGE;
    }
    if (common.encoding != null && !supported(common.encoding)) {
      err.println("不支持的编码：" + common.encoding + "（可用 UTF-8、GB18030、GBK）");
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(common.input)) {
      err.println("输入目录不存在：" + common.input);
      return ExitCodes.USAGE;
    }
    Optional<StateDatabase> selected = common.stateDatabase(err);
    if (selected.isEmpty()) {
      return ExitCodes.USAGE;
    }
    StateDatabase db = selected.get();
    List<Path> bundles = PlanBundles.resolve(common.plans);
    // The bundle's printed texts against the fonts, as check-plan does (report.ReportFonts).
    List<Plan> plans = PlanBundles.loadAll(bundles, Glyphs::firstUndrawable);
    boolean city = PlanBundles.severalDistricts(bundles);
    if (city && mode.equals("rerun")) {
      err.println(
          "rerun 发布一个地区的一个发布物的更正版本：请用 --plan 指定该地区的方案包（plan.properties 或其目录），而不是"
              + bundles.size()
              + "个地区的方案。");
      return ExitCodes.USAGE;
    }
    for (Plan plan : plans) {
      String district = city ? plan.meta().regionCode() + " " + plan.meta().regionName() + "：" : "";
      if (assessment != null
          && PublicationType.fromId(assessment).isBulletin()
          && plan.bulletin(assessment).isEmpty()) {
        err.println(
            district
                + "--assessment "
                + assessment
                + "：方案未声明这一专题公报（可用：annual、midterm、final"
                + plan.bulletins().stream().map(b -> "、" + b.id()).reduce("", String::concat)
                + "）");
        return ExitCodes.USAGE;
      }
      Optional<String> outside = outsidePlan(plan, year, assessment);
      if (outside.isPresent()) {
        err.println(district + outside.get());
        return ExitCodes.USAGE;
      }
    }
    Optional<int[]> shard = Shards.parse(common.shard);
    if (common.shard != null && shard.isEmpty()) {
      err.println(
          "--shard "
              + common.shard
              + "：应为 i/n（第 i 份，共 n 份，0 ≤ i < n），如 --shard 0/4；各地区按地区代码排序后，第 k 个地区属于第 k mod n 份。");
      return ExitCodes.USAGE;
    }
    boolean shared = db.isShared();
    // The two folders are resolved once (either may be a link the operator set up) and used
    // resolved from here on; a link inside them on a path the tool writes is refused before
    // anything is written (LinkGuard).
    try {
      common.output = LinkGuard.real(common.output);
      common.state = LinkGuard.real(common.state);
      refuseLinks(
          common.output, common.state, plans.stream().map(p -> p.meta().regionCode()).toList());
    } catch (LinkGuard.LinkRefused e) {
      err.println(e.getMessage());
      return ExitCodes.FAILURE;
    } catch (IOException | java.io.UncheckedIOException e) {
      return outputFailure(
          common, e instanceof IOException io ? io : (IOException) e.getCause(), err);
    }
    InputSet input = InputSet.scan(common.input);
    List<RunRequest> requests = new ArrayList<>();
    Path output = common.output.toAbsolutePath().normalize();
    for (int i : Shards.select(plans.stream().map(p -> p.meta().regionCode()).toList(), shard)) {
      String region = plans.get(i).meta().regionCode();
      requests.add(
          new RunRequest(
              mode,
              common.input,
              input,
              output,
              common.state,
              bundles.isEmpty() ? null : bundles.get(i),
              plans.get(i),
              year,
              assessment,
              reason,
              common.encoding,
              Main.toolVersion(),
              // Several districts write reports side by side: one folder each.
              city ? output.resolve("validation").resolve(region) : null,
              // Prepared files stay under --state, outside the published tree, with either
              // database; a run resumed elsewhere renders them again (the render step is redone
              // on every restart, and gives the same bytes).
              null));
    }
    if (requests.isEmpty()) {
      out.println("--shard " + common.shard + "：这一份没有地区（共" + plans.size() + "个地区）。");
      return ExitCodes.OK;
    }
    String command =
        mode
            + " --input "
            + common.input
            + " --output "
            + common.output
            + (year == null ? "" : " --year " + year)
            + (assessment == null ? "" : " --assessment " + assessment);
    if (shared) {
      return runShared(common, db, requests, out, err);
    }
    Optional<StateLock> lock = StateLock.tryAcquire(common.state, command);
    if (lock.isEmpty()) {
      err.println("状态目录 " + common.state + " 正被另一次运行占用：" + StateLock.holder(common.state));
      err.println("请等待其结束后再运行。");
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get()) {
      return underOutputLock(
          common, db, () -> StateLock.tryAcquireOutput(common.output, command), requests, out, err);
    }
  }

  /**
   * With a shared database several processes work on one output: each district is locked in the
   * database (and reconciled under that lock) rather than the state and output folders; the output
   * lock is shared, so only a run with an H2 state folder is kept out.
   */
  private static int runShared(
      CommonOptions common,
      StateDatabase db,
      List<RunRequest> requests,
      PrintWriter out,
      PrintWriter err) {
    try {
      return underOutputLock(
          common, db, () -> StateLock.tryAcquireOutputShared(common.output), requests, out, err);
    } catch (IOException e) {
      return outputFailure(common, e, err);
    }
  }

  /** A lock that may fail to be taken for a reason of the file system. */
  private interface OutputLocking {
    Optional<StateLock> tryAcquire() throws IOException;
  }

  /**
   * Takes the output folder's lock, opens the state database and runs: with the H2 state (whose
   * folder lock the caller holds) reconciling the whole output first, with a shared one each
   * district under its own lock.
   */
  private static int underOutputLock(
      CommonOptions common,
      StateDatabase db,
      OutputLocking locking,
      List<RunRequest> requests,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    Optional<StateLock> outputLock;
    try {
      outputLock = locking.tryAcquire();
    } catch (IOException e) {
      return outputFailure(common, e, err);
    }
    if (outputLock.isEmpty()) {
      return outputLocked(common, err);
    }
    try (StateLock heldOutput = outputLock.get()) {
      // Unreleased figures an older version prepared in the published tree go.
      AtomicFiles.deleteTree(common.output.resolve(LEGACY_WORK_ON_OUTPUT));
      Optional<ConfigurableApplicationContext> opened = openState(common.state, db, err);
      if (opened.isEmpty()) {
        return ExitCodes.FAILURE;
      }
      try (ConfigurableApplicationContext ctx = opened.get()) {
        return db.isShared()
            ? start(ctx, common, requests, out, err)
            : run(ctx, common, requests, out, err);
      }
    }
  }

  private static int outputFailure(CommonOptions common, IOException e, PrintWriter err) {
    err.println("运行失败：" + Failures.describe(e) + "（输出目录 " + common.output + "）");
    err.println("原因排除后，用同一命令重新运行即可。");
    return ExitCodes.FAILURE;
  }

  private static int outputLocked(CommonOptions common, PrintWriter err) {
    err.println("输出目录 " + common.output + " 正被另一次运行占用：" + StateLock.outputHolder(common.output));
    err.println("请等待其结束后再运行。");
    return ExitCodes.LOCKED;
  }

  /**
   * A year the plan has no such publication for, said before any data is read: the mid-term and the
   * final evaluation each belong to one year of the plan, bulletins to the years after its base
   * year.
   */
  static Optional<String> outsidePlan(Plan plan, Integer year, String assessment) {
    if (year == null) {
      return Optional.empty();
    }
    var meta = plan.meta();
    String asked = "--year " + year + (assessment == null ? "" : " --assessment " + assessment);
    if ("midterm".equals(assessment) && year != meta.midYear()) {
      return Optional.of(
          asked + "：中期评估针对规划中期 " + meta.midYear() + " 年的数据，请用 --year " + meta.midYear() + "。");
    }
    if ("final".equals(assessment) && year != meta.finalYear()) {
      return Optional.of(
          asked + "：总结评估针对规划末年 " + meta.finalYear() + " 年的数据，请用 --year " + meta.finalYear() + "。");
    }
    if (year <= meta.baseYear() || year > meta.finalYear()) {
      return Optional.of(
          asked
              + "：不在规划期内，公报和评估的年份为 "
              + (meta.baseYear() + 1)
              + "–"
              + meta.finalYear()
              + " 年（基期 "
              + meta.baseYear()
              + " 年）。");
    }
    return Optional.empty();
  }

  private static int run(
      ConfigurableApplicationContext ctx,
      CommonOptions common,
      List<RunRequest> requests,
      PrintWriter out,
      PrintWriter err) {
    PublicationHistory history = ctx.getBean(PublicationHistory.class);
    Path output = common.output.toAbsolutePath().normalize();
    try {
      // Under the locks no other run writes here: what a killed run left half-written goes, and
      // history and disk are made to agree before anything is decided from either.
      AtomicFiles.sweepPartials(common.output);
      history.reconcile(common.state, output).forEach(out::println);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(JobRunner.class).error("核对发布历史与输出目录失败", e);
      err.println("运行失败：" + Failures.describe(e));
      err.println("详细信息见 " + Failures.logFile(common.state) + "。原因排除后，用同一命令重新运行即可从中断处继续。");
      return ExitCodes.FAILURE;
    }
    return start(ctx, common, requests, out, err);
  }

  /** Runs the district (or each district) and says how each ended. */
  private static int start(
      ConfigurableApplicationContext ctx,
      CommonOptions common,
      List<RunRequest> requests,
      PrintWriter out,
      PrintWriter err) {
    int exit;
    if (requests.size() == 1) {
      RunRequest request = requests.get(0);
      JobOutcome outcome = ctx.getBean(DistrictWork.class).run(request, out::println);
      exit = report(outcome, request, common, false, out, err);
    } else {
      Map<String, JobOutcome> outcomes =
          ctx.getBean(CityService.class).start(requests, out::println);
      exit = Districts.report(requests, outcomes, common, out, err);
    }
    try {
      if (!ctx.getBean(DistrictLocks.class).shared()) {
        ctx.getBean(PublicationHistory.class).recordCheck(common.state);
      }
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(JobRunner.class).warn("无法记录发布历史校验值", e);
    }
    if (!ctx.getBean(DistrictLocks.class).shared()) {
      compact(ctx);
    }
    return exit;
  }

  /**
   * Refuses a link on any path a run writes, moves or deletes in the (resolved) output and state
   * folders: the output's lock files, validation reports and each district's folder, and the whole
   * state folder (database, check file, lock, logs, work folders).
   */
  static void refuseLinks(Path output, Path state, List<String> regions) {
    for (String name :
        List.of(
            StateLock.OUTPUT_LOCK, StateLock.OUTPUT_HOLDER, "validation", LEGACY_WORK_ON_OUTPUT)) {
      LinkGuard.refuseLinks(output, output.resolve(name));
    }
    for (String region : regions) {
      LinkGuard.refuseLinks(output, output.resolve(region));
    }
    LinkGuard.refuseLinks(state, state);
  }

  /**
   * Closes the H2 file compacted: H2 keeps the pages of deleted rows in the file, so the rows of a
   * large extract, once deleted, would otherwise leave it hundreds of megabytes for a few rows.
   */
  private static void compact(ConfigurableApplicationContext ctx) {
    try {
      ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("SHUTDOWN COMPACT");
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(JobRunner.class).warn("状态数据库未能压缩", e);
    }
  }

  /**
   * Whether {@code inner} is {@code outer} or inside it, symbolic links resolved where they exist.
   */
  static boolean inside(Path inner, Path outer) {
    return real(inner).startsWith(real(outer));
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }

  /** The rerun of the publication an edition folder belongs to, with the operator's own folders. */
  static String rerunCommand(CommonOptions common, Path plan, Path edition) {
    String publication = edition.getParent().getFileName().toString();
    int dash = publication.indexOf('-');
    StringBuilder sb = new StringBuilder("java -jar target/plan-reports.jar rerun");
    sb.append(" --input ").append(shell(common.input.toString()));
    sb.append(" --output ").append(shell(common.output.toString()));
    sb.append(" --state ").append(shell(common.state.toString()));
    if (plan != null) {
      sb.append(" --plan ").append(shell(plan.toString()));
    }
    if (common.encoding != null) {
      sb.append(" --encoding ").append(shell(common.encoding));
    }
    sb.append(" --year ").append(publication, 0, dash);
    sb.append(" --assessment ").append(publication.substring(dash + 1));
    return sb.append(" --reason \"更正原因\"").toString();
  }

  private static String shell(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  /** Prints how one district's run ended and returns its exit code. */
  static int report(
      JobOutcome o,
      RunRequest request,
      CommonOptions common,
      boolean city,
      PrintWriter out,
      PrintWriter err) {
    String mode = request.mode();
    if (o.validationSummary() != null) {
      (o.validationErrors() > 0 ? err : out).println(o.validationSummary());
      // A city-wide run lists each district's warnings in its report only: its other districts'
      // rows would fill the terminal with one warning per file and district.
      if (!o.validationLines().isBlank() && (!city || o.validationErrors() > 0)) {
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
        err.println("以下发布物已经发布过，本次算出的数字与已发布版本不同，未发布任何内容：");
        o.refused().forEach(r -> err.println("  " + r));
        err.println("如需发布更正版本，请对每一发布物运行（把“更正原因”换成实际原因）：");
        o.refused()
            .forEach(r -> err.println("  " + rerunCommand(common, request.plan(), Path.of(r))));
        if (!o.unchanged().isEmpty()) {
          out.println("未变化（数字与已发布版本相同，未重复发布）：");
          o.unchanged().forEach(p -> out.println("  " + p));
        }
        return ExitCodes.ALREADY_PUBLISHED;
      }
      case NOTHING_TO_PUBLISH -> {
        err.println(o.message());
        return ExitCodes.NOTHING_TO_PUBLISH;
      }
      case FAILED -> {
        err.println("运行失败：" + o.message());
        err.println("详细信息见 " + Failures.logFile(common.state) + "。原因排除后，用同一命令重新运行即可从中断处继续。");
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
