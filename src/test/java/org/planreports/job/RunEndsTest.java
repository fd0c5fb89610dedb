package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a run that did not complete ended, from the step executions of its job instance: the last
 * step it executed, or, where that let the flow go on, the step an earlier run of the same command
 * finished and this one did not execute again.
 */
class RunEndsTest {

  /** {@code steps}: the instance's step executions in order, each {@code run:name:exit}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "first run, nothing to publish | 1 | 1:ingest:COMPLETED 1:validate:COMPLETED 1:derive:COMPLETED 1:assess:NOTHING_TO_PUBLISH | NOTHING_TO_PUBLISH | assess",
        "restart, nothing to publish | 2 | 1:ingest:COMPLETED 1:validate:COMPLETED 1:derive:COMPLETED 1:assess:NOTHING_TO_PUBLISH 2:validate:COMPLETED | NOTHING_TO_PUBLISH | assess",
        "restart, refused | 2 | 1:ingest:COMPLETED 1:validate:COMPLETED 1:derive:COMPLETED 1:assess:COMPLETED 1:render:COMPLETED 1:publish:REFUSED 2:validate:COMPLETED 2:render:COMPLETED | REFUSED | publish",
        "restart, invalid again | 2 | 1:ingest:COMPLETED 1:validate:INVALID 2:validate:INVALID | INVALID | validate",
        "restart fails in a step it redoes | 2 | 1:ingest:COMPLETED 1:validate:COMPLETED 1:derive:COMPLETED 1:assess:NOTHING_TO_PUBLISH 2:validate:FAILED | FAILED | validate",
        "restart fails in render after a refusal | 2 | 1:validate:COMPLETED 1:render:COMPLETED 1:publish:REFUSED 2:validate:COMPLETED 2:render:FAILED | FAILED | render",
        "failed first run | 1 | 1:ingest:COMPLETED 1:validate:COMPLETED 1:render:FAILED | FAILED | render",
        "an earlier invalid redone clean does not count | 2 | 1:validate:INVALID 2:validate:COMPLETED 2:derive:FAILED | FAILED | derive",
        "no step recorded | 1 | '' | FAILED | ''",
      })
  void shouldReadTheStepThatEndedTheRun(
      String name, long run, String steps, JobOutcome.Kind kind, String step) {
    List<RunEnds.StepEnd> ends = new ArrayList<>();
    long id = 0;
    for (String s : steps.isBlank() ? new String[0] : steps.split(" ")) {
      String[] p = s.split(":");
      ends.add(new RunEnds.StepEnd(Long.parseLong(p[0]), ++id, p[1], p[2], null));
    }

    RunEnds.Ended end = RunEnds.of(run, ends);

    assertThat(end.kind()).isEqualTo(kind);
    assertThat(end.step() == null ? "" : end.step()).isEqualTo(step);
  }
}
