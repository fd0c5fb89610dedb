package org.planreports.job;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a run ended, read from the job repository the way the job's flow decided it: the one reading
 * that both the exit code ({@link JobService}) and {@code history} use, so they always agree.
 *
 * <p>A run that did not complete ended at the step whose exit status (INVALID, NOTHING_TO_PUBLISH,
 * REFUSED or FAILED) sent the flow to {@code fail()}. That is the last step the run executed —
 * unless the run was the same command started again: its steps finished earlier are not executed
 * again, and the flow, passing them, takes their earlier exit status. So when the last step this
 * run executed let the flow go on, the run ended at a step finished by an earlier run of the same
 * job instance that it did not execute again (an assess step that found nothing to publish, a
 * publish step that refused).
 */
public final class RunEnds {

  /** How a run ended; for a failure, the step it failed in and that step's exit message. */
  public record Ended(JobOutcome.Kind kind, String step, String message) {}

  /** One step execution of a job instance. */
  record StepEnd(long run, long id, String name, String exitCode, String message) {}

  /** The exit statuses a step sets on purpose to end the run early, and what they mean. */
  private static final Map<String, JobOutcome.Kind> DECISIVE =
      Map.of(
          JobParams.INVALID, JobOutcome.Kind.INVALID,
          JobParams.NOTHING_TO_PUBLISH, JobOutcome.Kind.NOTHING_TO_PUBLISH,
          JobParams.REFUSED, JobOutcome.Kind.REFUSED,
          JobParams.STALE, JobOutcome.Kind.STALE);

  private static final String COMPLETED = "COMPLETED";

  private RunEnds() {}

  /**
   * How job execution {@code execution}, whose batch status is {@code status}, ended: COMPLETED, or
   * INVALID, NOTHING_TO_PUBLISH, REFUSED or FAILED as read from its steps (any other status, a run
   * still going or stopped, is read the same way).
   */
  public static Ended read(JdbcTemplate jdbc, long execution, String status) {
    if (COMPLETED.equals(status)) {
      return new Ended(JobOutcome.Kind.COMPLETED, null, null);
    }
    List<StepEnd> steps =
        jdbc.query(
            "SELECT s.JOB_EXECUTION_ID run, s.STEP_EXECUTION_ID id, s.STEP_NAME name,"
                + " s.EXIT_CODE code, s.EXIT_MESSAGE message"
                + " FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
                + " ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " WHERE e.JOB_INSTANCE_ID ="
                + " (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)"
                + " AND s.JOB_EXECUTION_ID <= ?",
            (rs, n) ->
                new StepEnd(
                    rs.getLong("run"),
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("code"),
                    rs.getString("message")),
            execution,
            execution);
    return of(execution, steps);
  }

  /** How a run that did not complete ended, from the step executions of its job instance so far. */
  static Ended of(long execution, List<StepEnd> steps) {
    List<StepEnd> own =
        steps.stream()
            .filter(s -> s.run() == execution)
            .sorted(Comparator.comparingLong(StepEnd::id))
            .toList();
    StepEnd last = own.isEmpty() ? null : own.get(own.size() - 1);
    if (last != null && DECISIVE.containsKey(last.exitCode())) {
      return new Ended(DECISIVE.get(last.exitCode()), last.name(), last.message());
    }
    if (last == null || COMPLETED.equals(last.exitCode())) {
      // The flow went on past the last step this run executed: to a step an earlier run of the
      // same command finished, whose exit ended the flow then and ends it again now.
      Set<String> ran = own.stream().map(StepEnd::name).collect(Collectors.toSet());
      Map<String, StepEnd> latest = new HashMap<>();
      for (StepEnd s : steps) {
        if (s.run() < execution && !ran.contains(s.name())) {
          latest.merge(s.name(), s, (a, b) -> a.id() >= b.id() ? a : b);
        }
      }
      Optional<StepEnd> earlier =
          latest.values().stream()
              .filter(s -> DECISIVE.containsKey(s.exitCode()))
              .max(Comparator.comparingLong(StepEnd::id));
      if (earlier.isPresent()) {
        StepEnd s = earlier.get();
        return new Ended(DECISIVE.get(s.exitCode()), s.name(), s.message());
      }
    }
    return new Ended(
        JobOutcome.Kind.FAILED,
        last == null ? null : last.name(),
        last == null ? null : last.message());
  }
}
