package org.planreports.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.planreports.core.Messages;
import org.planreports.job.CityService;
import org.planreports.job.JobOutcome;
import org.planreports.job.PublicationHistory;
import org.planreports.job.RunEnds;
import org.planreports.job.StateDatabase;
import org.planreports.job.StateStore;
import org.planreports.publication.HistoryStatus;
import org.planreports.publication.OperatorText;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    modelTransformer = HistoryCommand.Words.class)
class HistoryCommand implements Callable<Integer> {

  private static final Messages WORDS = Messages.bundle("publication");

  /** The command's description, from the publication bundle. */
  public static final class Words implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.usageMessage().description(WORDS.get("publication.history.description"));
      return spec;
    }
  }

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<StateDatabase> selected = common.stateDatabase(spec.commandLine().getErr());
    if (selected.isEmpty()) {
      return ExitCodes.USAGE;
    }
    // Only read: the H2 file is opened read-only, so a read-only state folder will do.
    StateDatabase db = selected.get().readOnly();
    if (db.localFile(common.state).filter(f -> !Files.exists(f)).isPresent()) {
      // Looking at history must not create a state database where there was none.
      out.println(WORDS.get("publication.history.noRuns", "state", common.state));
      return ExitCodes.OK;
    }
    Optional<StateLock> lock = StateLock.tryAcquireForReading(common.state);
    if (lock.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              WORDS.get("publication.history.locked", "holder", StateLock.holder(common.state)));
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get();
        ConfigurableApplicationContext ctx = new StateContexts().context(common.state, db)) {
      return list(ctx, out);
    } catch (RuntimeException e) {
      if (!db.isShared() || !StateContexts.fromTheDatabase(e)) {
        throw e;
      }
      LoggerFactory.getLogger(HistoryCommand.class)
          .error(WORDS.get("publication.history.unreachable"), e);
      spec.commandLine().getErr().println(StateContexts.unreachable(db, common.state, e));
      return ExitCodes.FAILURE;
    }
  }

  int list(ConfigurableApplicationContext ctx, PrintWriter out) {
    JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
    out.println(WORDS.get("publication.history.runs"));
    for (Map<String, Object> r :
        jdbc.queryForList(
            "SELECT e.JOB_EXECUTION_ID id, i.JOB_NAME job, e.START_TIME started, e.END_TIME ended, e.STATUS status,"
                + " (SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'mode') mode,"
                + " (SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'year') yr,"
                + " (SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'assessment') assessment,"
                + " (SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'region') region,"
                + " (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME LIKE 'district:%') districts"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID ORDER BY e.JOB_EXECUTION_ID")) {
      long id = ((Number) r.get("id")).longValue();
      boolean city = CityService.isCityJob(String.valueOf(r.get("job")));
      out.printf(
          "  #%d  %s → %s  %s%s%s  %s%n",
          id,
          time(r.get("started")),
          r.get("ended") == null ? WORDS.get("publication.history.notEnded") : time(r.get("ended")),
          r.get("mode") == null ? r.get("job") : r.get("mode"),
          narrowed(r.get("yr"), r.get("assessment")),
          city
              ? "  " + WORDS.get("publication.history.city", "districts", r.get("districts"))
              : r.get("region") == null
                  ? ""
                  : "  " + WORDS.get("publication.history.region", "region", r.get("region")),
          outcome(jdbc, id, String.valueOf(r.get("status"))));
    }
    out.println(WORDS.get("publication.history.editions"));
    Map<String, HistoryStatus> status = new java.util.HashMap<>();
    for (PublicationHistory.Row r : ctx.getBean(PublicationHistory.class).rows()) {
      status.put(r.edition().folder(), r.status());
    }
    // History is kept per output folder: each folder's editions under its name.
    java.nio.file.Path output = null;
    for (StateStore.Edition e : ctx.getBean(StateStore.class).allEditions()) {
      if (!e.output().equals(output)) {
        output = e.output();
        out.println(OperatorText.get("links.history.output", output));
      }
      HistoryStatus st = status.get(e.folder());
      out.printf(
          "  %s %s %s%s  %s  %s  %s%s%n",
          e.region(),
          e.publication(),
          WORDS.get("publication.history.edition", "edition", e.edition()),
          st == HistoryStatus.PENDING
              ? WORDS.get("publication.history.pending")
              : st == HistoryStatus.MISSING ? OperatorText.get("links.history.listed.missing") : "",
          TIME.format(e.publishedAt().atZone(ZoneId.systemDefault())),
          WORDS.get("publication.history.run", "run", e.jobExecutionId()),
          e.folder(),
          e.reason() == null || e.reason().isBlank()
              ? ""
              : "  " + WORDS.get("publication.history.reason", "reason", e.reason()));
    }
    return ExitCodes.OK;
  }

  private static String narrowed(Object year, Object assessment) {
    String y = year == null ? "" : year.toString();
    String a = assessment == null ? "" : assessment.toString();
    return (y.isBlank() ? "" : " --year " + y) + (a.isBlank() ? "" : " --assessment " + a);
  }

  private static String time(Object t) {
    if (t == null) {
      // An execution recorded but never started (the process ended before its first step).
      return CliText.get("nulls.history.notStarted");
    }
    if (t instanceof LocalDateTime l) {
      return TIME.format(l);
    }
    if (t instanceof java.sql.Timestamp ts) {
      return TIME.format(ts.toLocalDateTime());
    }
    return String.valueOf(t);
  }

  /**
   * What became of a run, in words that mean what its exit code meant: why a run that did not
   * complete ended is read as the run itself read it ({@link RunEnds}), also for the same command
   * started again, whose steps finished earlier are not run again.
   */
  static String outcome(JdbcTemplate jdbc, long execution, String status) {
    List<String> districts =
        jdbc.queryForList(
            "SELECT EXIT_CODE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME LIKE 'district:%'",
            String.class, execution);
    if (!districts.isEmpty() && List.of("COMPLETED", "FAILED").contains(status)) {
      return cityOutcome(districts);
    }
    return switch (status) {
      case "COMPLETED" -> words(JobOutcome.Kind.COMPLETED);
      case "STARTED", "STARTING" -> WORDS.get("publication.history.interrupted");
      case "STOPPED", "STOPPING" -> WORDS.get("publication.history.stopped");
      case "ABANDONED" -> WORDS.get("publication.history.abandoned");
      default -> {
        RunEnds.Ended end = RunEnds.read(jdbc, execution, status);
        yield end.kind() != JobOutcome.Kind.FAILED
            ? words(end.kind())
            : (end.step() == null
                    ? words(end.kind())
                    : WORDS.get("publication.history.failedInStep", "step", end.step()))
                + reason(end.message());
      }
    };
  }

  /** A run's outcome in words, its failure without the step and the cause. */
  private static String words(JobOutcome.Kind kind) {
    return switch (kind) {
      case COMPLETED, ALREADY_DONE -> WORDS.get("publication.history.completed");
      case INVALID -> WORDS.get("publication.history.invalid");
      case REFUSED -> WORDS.get("publication.history.refused");
      case NOTHING_TO_PUBLISH -> WORDS.get("publication.history.nothingToPublish");
      case STALE -> org.planreports.core.Messages.bundle("review").get("review.history.stale");
      case FAILED -> CliText.get("nulls.history.failed");
    };
  }

  /** A city run's districts' outcomes, the most serious first, as its exit code ranks them. */
  private static final List<JobOutcome.Kind> SERIOUSNESS =
      List.of(
          JobOutcome.Kind.FAILED,
          JobOutcome.Kind.INVALID,
          JobOutcome.Kind.REFUSED,
          JobOutcome.Kind.NOTHING_TO_PUBLISH);

  /**
   * What became of a city-wide run, from its districts' outcomes (each partition's exit status):
   * the city job completes whatever its districts' runs did, so it is said as its exit code says
   * it, by the most serious of them.
   */
  private static String cityOutcome(List<String> codes) {
    for (JobOutcome.Kind kind : SERIOUSNESS) {
      if (codes.contains(kind.name())) {
        return words(kind);
      }
    }
    boolean done =
        codes.stream()
            .allMatch(
                c ->
                    c.equals(JobOutcome.Kind.COMPLETED.name())
                        || c.equals(JobOutcome.Kind.ALREADY_DONE.name()));
    return words(done ? JobOutcome.Kind.COMPLETED : JobOutcome.Kind.FAILED);
  }

  /**
   * The first line of the failure, which names the exception and its message; the rest is trace.
   */
  private static String reason(Object message) {
    if (message == null || message.toString().isBlank()) {
      return "";
    }
    String first = message.toString().strip().lines().findFirst().orElse("");
    return WORDS.get(
        "publication.history.cause",
        "cause",
        first.length() > 200 ? first.substring(0, 200) + "…" : first);
  }
}
