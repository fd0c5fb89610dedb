package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planreports.core.Messages;
import org.planreports.job.CityService;
import org.planreports.job.DistrictRunner;
import org.planreports.job.Failures;
import org.planreports.job.JobOutcome;
import org.planreports.job.PublicationHistory;
import org.planreports.job.RunRequest;
import org.planreports.job.StateDatabase;
import org.planreports.publication.AtomicFiles;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts (or resumes) the districts' jobs as an operator asked: takes the state and output folders'
 * locks, opens the state database, makes history and the output folder agree, runs the district (or
 * each district of a city) and says how each ended.
 */
final class RunLauncher {

  private static final Messages WORDS = Messages.bundle("run");

  /**
   * Where runs with a shared database prepared their files before version 0.1.0's issue 20: inside
   * the published tree. Runs now prepare them under {@code --state} (see {@link RunRequest}); a
   * folder an older run left there is removed under the output lock.
   */
  static final String LEGACY_WORK_ON_OUTPUT = ".plan-reports-work";

  private final CommonOptions common;
  private final PrintWriter out;
  private final PrintWriter err;
  private final OutcomeReport report;
  private final StateContexts contexts;

  RunLauncher(
      CommonOptions common,
      PrintWriter out,
      PrintWriter err,
      OutcomeReport report,
      StateContexts contexts) {
    this.common = common;
    this.out = out;
    this.err = err;
    this.report = report;
    this.contexts = contexts;
  }

  /** A lock that may fail to be taken for a reason of the file system. */
  private interface OutputLocking {
    Optional<StateLock> tryAcquire() throws IOException;
  }

  /**
   * With the H2 state, under the state folder's and the output folder's locks. With a shared
   * database several processes work on one output: each district is locked in the database (and
   * reconciled under that lock) rather than the state and output folders; the output lock is
   * shared, so only a run with an H2 state folder is kept out.
   */
  int launch(RunRequests.Planned planned, String command) throws IOException {
    StateDatabase db = planned.db();
    if (db.isShared()) {
      try {
        return underOutputLock(
            db, () -> StateLock.tryAcquireOutputShared(common.output), planned.districts());
      } catch (IOException e) {
        report.outputFailure(e);
        return ExitCodes.FAILURE;
      }
    }
    Optional<StateLock> lock = StateLock.tryAcquire(common.state, command);
    if (lock.isEmpty()) {
      err.println(
          WORDS.get(
              "run.state.locked", "state", common.state, "holder", StateLock.holder(common.state)));
      err.println(WORDS.get("run.locked.wait"));
      return ExitCodes.LOCKED;
    }
    try (StateLock held = lock.get()) {
      return underOutputLock(
          db, () -> StateLock.tryAcquireOutput(common.output, command), planned.districts());
    }
  }

  /**
   * Takes the output folder's lock, opens the state database and runs: with the H2 state (whose
   * folder lock the caller holds) reconciling the whole output first, with a shared one each
   * district under its own lock.
   */
  private int underOutputLock(
      StateDatabase db, OutputLocking locking, List<PlannedDistrict> districts) throws IOException {
    Optional<StateLock> outputLock;
    try {
      outputLock = locking.tryAcquire();
    } catch (IOException e) {
      report.outputFailure(e);
      return ExitCodes.FAILURE;
    }
    if (outputLock.isEmpty()) {
      err.println(
          WORDS.get(
              "run.output.locked",
              "output",
              common.output,
              "holder",
              StateLock.outputHolder(common.output)));
      err.println(WORDS.get("run.locked.wait"));
      return ExitCodes.LOCKED;
    }
    try (StateLock heldOutput = outputLock.get()) {
      // Unreleased figures an older version prepared in the published tree go.
      AtomicFiles.deleteTree(common.output.resolve(LEGACY_WORK_ON_OUTPUT));
      Optional<ConfigurableApplicationContext> opened = contexts.open(common.state, db, err);
      if (opened.isEmpty()) {
        return ExitCodes.FAILURE;
      }
      try (ConfigurableApplicationContext ctx = opened.get()) {
        if (!db.isShared() && !reconcile(ctx)) {
          return ExitCodes.FAILURE;
        }
        int exit = start(ctx, districts);
        if (!db.isShared()) {
          recordCheck(ctx);
          compact(ctx);
        }
        return exit;
      }
    }
  }

  /**
   * Under the locks no other run writes here: what a killed run left half-written goes, and history
   * and disk are made to agree before anything is decided from either.
   */
  private boolean reconcile(ConfigurableApplicationContext ctx) {
    try {
      AtomicFiles.sweepPartials(common.output);
      ctx.getBean(PublicationHistory.class)
          .reconcile(common.state, common.output.toAbsolutePath().normalize())
          .forEach(out::println);
      return true;
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(RunLauncher.class).error(WORDS.get("run.log.reconcile"), e);
      report.failed(Failures.describe(e));
      return false;
    }
  }

  /** Runs the district (or each district) and says how each ended. */
  private int start(ConfigurableApplicationContext ctx, List<PlannedDistrict> districts) {
    ctx.getBean(org.planreports.job.RunProgress.class).sendTo(TerminalProgress.forOperator(err));
    if (districts.size() == 1) {
      PlannedDistrict district = districts.get(0);
      JobOutcome outcome = ctx.getBean(DistrictRunner.class).run(district.request(), out::println);
      return report.report(outcome, district, false);
    }
    Map<String, String> names = new java.util.HashMap<>();
    districts.forEach(d -> names.put(d.region(), d.name()));
    Map<String, JobOutcome> outcomes =
        ctx.getBean(CityService.class)
            .start(
                districts.stream().map(PlannedDistrict::request).toList(),
                (region, line) ->
                    out.println(
                        WORDS.get("run.district.line", "name", names.get(region), "line", line)));
    return Districts.report(districts, outcomes, report, out, err);
  }

  private void recordCheck(ConfigurableApplicationContext ctx) {
    try {
      ctx.getBean(PublicationHistory.class).recordCheck(common.state);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(RunLauncher.class).warn(WORDS.get("run.log.check"), e);
    }
  }

  /**
   * Closes the H2 file compacted: H2 keeps the pages of deleted rows in the file, so the rows of a
   * large extract, once deleted, would otherwise leave it hundreds of megabytes for a few rows.
   */
  private static void compact(ConfigurableApplicationContext ctx) {
    try {
      ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("SHUTDOWN COMPACT");
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(RunLauncher.class).warn(WORDS.get("run.log.compact"), e);
    }
  }
}
