package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PlanLoader;

/** The plan and the input digests are computed once per run, not by every step that asks. */
class RunInputsTest {

  @TempDir Path tmp;

  private RunSettings settings(Path input, String planDigest, String inputDigest) {
    return new RunSettings(
        input, tmp, tmp, "", null, null, "run", "", "", "dev", planDigest, inputDigest, null, null);
  }

  @Test
  void shouldLoadThePlanAndHashTheInputOncePerRun() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("input/nanchuan-2023-sample.csv"), input.resolve("a.csv"));
    String digest = InputSet.scan(input).digest();
    String plan = PlanLoader.loadDefault().digest();

    RunSettings ingest = settings(input, plan, digest);
    RunSettings validate = settings(input, plan, digest);

    assertThat(validate.inputSet()).isSameAs(ingest.inputSet());
    assertThat(validate.plan()).isSameAs(ingest.plan());
  }

  @Test
  void shouldNotServeAnInputSetForOtherContent() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("input/nanchuan-2023-sample.csv"), input.resolve("a.csv"));
    String digest = InputSet.scan(input).digest();
    InputSet first = settings(input, "", digest).inputSet();
    Files.writeString(input.resolve("b.csv"), "x");

    InputSet changed = settings(input, "", InputSet.scan(input).digest()).inputSet();

    assertThat(changed.files()).hasSize(2);
    assertThat(first.files()).hasSize(1);
  }
}
