package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A district's outcome, kept in its partition's context, reads back as it was. */
class JobOutcomeTest {

  static Stream<JobOutcome> outcomes() {
    return Stream.of(
        JobOutcome.before(
            JobOutcome.Kind.ALREADY_DONE, "", List.of("/out/500119/2021-annual/edition-1")),
        JobOutcome.before(JobOutcome.Kind.FAILED, "无法写入 /out", List.of()),
        JobOutcome.before(JobOutcome.Kind.FAILED, null, List.of()),
        new JobOutcome(
            JobOutcome.Kind.INVALID,
            "",
            "校验：1 个错误",
            1,
            "a.csv:3: 错误\na.csv:4: 警告",
            "/out/validation/validation-report.txt",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()),
        new JobOutcome(
            JobOutcome.Kind.COMPLETED,
            "",
            "校验通过",
            0,
            "",
            "/out/validation/validation-report.txt",
            List.of("/out/500119/2021-annual/edition-2"),
            List.of("/out/500119/2022-annual/edition-1"),
            List.of(),
            List.of(),
            List.of("更正说明：第 1 行", "第 2 行")));
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void shouldReadBackTheOutcomeAPartitionKept(JobOutcome outcome) {
    ExecutionContext ctx = new ExecutionContext();
    outcome.putInto(ctx);

    assertThat(JobOutcome.from(ctx)).contains(outcome);
  }

  @org.junit.jupiter.api.Test
  void shouldFindNoOutcomeInAContextWithoutOne() {
    assertThat(JobOutcome.from(new ExecutionContext())).isEmpty();
  }
}
