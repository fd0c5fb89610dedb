package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PublicationType;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A request becomes job parameters and the parameters the same request, whatever it asks. */
class RunRequestTest {

  private static final Path IN = Path.of("/data/in");
  private static final Path OUT = Path.of("/data/out");
  private static final Path STATE = Path.of("/data/state");

  private static RunRequest request(
      RunMode mode, Integer year, PublicationType assessment, String reason, String encoding) {
    return RunRequest.of(
        mode, IN, "in-digest", OUT, STATE, year, assessment, reason, encoding, "1.0");
  }

  static Stream<Arguments> requests() {
    RunRequest run = request(RunMode.RUN, null, null, null, null);
    return Stream.of(
        Arguments.of("run, nothing narrowed", run),
        Arguments.of("run --year", request(RunMode.RUN, 2023, null, null, null)),
        Arguments.of(
            "run --year --assessment",
            request(RunMode.RUN, 2023, PublicationType.MIDTERM, null, null)),
        Arguments.of(
            "run --assessment bulletin",
            request(RunMode.RUN, null, PublicationType.bulletin("zone"), null, null)),
        Arguments.of("run --encoding", request(RunMode.RUN, null, null, null, "GB18030")),
        Arguments.of(
            "rerun --reason",
            request(RunMode.RERUN, 2021, PublicationType.ANNUAL, "R&D 经费更正", null)),
        Arguments.of("validate", request(RunMode.VALIDATE, null, null, null, null)),
        Arguments.of(
            "district of the bundled plan", run.forDistrict(null, "plan-digest", "500119", null)),
        Arguments.of(
            "district of a bundle, own report folder",
            run.forDistrict(
                Path.of("/plans/a/plan.properties"),
                "plan-digest",
                "500101",
                OUT.resolve("validation/500101"))),
        Arguments.of(
            "district as started",
            run.forDistrict(null, "plan-digest", "500119", null).starting("published")),
        Arguments.of(
            "review (run without --publish) with its folder, as started",
            request(RunMode.REVIEW, 2023, null, null, null)
                .withReview(Path.of("/data/review"), null)
                .forDistrict(null, "plan-digest", "500119", null)
                .starting("published")),
        Arguments.of(
            "publish --reason --date",
            request(RunMode.PUBLISH, null, null, "R&D 经费更正", null)
                .withReview(Path.of("/data/review"), java.time.LocalDate.of(2024, 3, 15))),
        Arguments.of(
            "validation as started",
            request(RunMode.VALIDATE, null, null, null, null)
                .forDistrict(null, "plan-digest", "500119", null)
                .starting("published")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void shouldReadBackTheRequestItsParametersWereMadeOf(String name, RunRequest request) {
    assertThat(RunRequest.from(request.toJobParameters())).isEqualTo(request);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void shouldMakeTheSameParametersOfTheRequestReadBack(String name, RunRequest request) {
    JobParameters parameters = request.toJobParameters();
    assertThat(RunRequest.from(parameters).toJobParameters()).isEqualTo(parameters);
  }

  @ParameterizedTest
  @EnumSource(RunMode.class)
  void shouldKeepEveryModeByItsCommandName(RunMode mode) {
    JobParameters parameters = request(mode, null, null, null, null).toJobParameters();

    assertThat(parameters.getString(RunRequest.MODE)).isEqualTo(mode.id());
    assertThat(RunMode.fromId(mode.id())).isEqualTo(mode);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void shouldIdentifyARunByWhatItDoesNotWhereItsFilesGo(String name, RunRequest request) {
    JobParameters parameters = request.toJobParameters();

    parameters
        .parameters()
        .forEach(
            p ->
                assertThat(p.identifying())
                    .as(p.name())
                    .isEqualTo(!RunRequest.NOT_IDENTIFYING.contains(p.name())));
    assertThat(parameters.getString(RunRequest.STATE)).isEqualTo(STATE.toString());
  }

  @ParameterizedTest
  @EnumSource(RunMode.class)
  void shouldStampOnlyAValidationOrAReviewWhenItStarts(RunMode mode) {
    Instant before = Instant.now();
    RunRequest started = request(mode, null, null, null, null).starting("published");

    assertThat(started.publishedDigest()).isEqualTo("published");
    // Each validation and each review is checked and written again: a job instance of its own.
    if (mode == RunMode.VALIDATE || mode == RunMode.REVIEW) {
      assertThat(started.validatedAt()).isAfterOrEqualTo(before);
    } else {
      assertThat(started.validatedAt()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("defaults")
  void shouldReadTheDefaultsOfParametersAnOlderRunLeftOut(String key, String expected) {
    JobParameters minimal =
        new org.springframework.batch.core.job.parameters.JobParametersBuilder()
            .addString(RunRequest.INPUT, IN.toString())
            .toJobParameters();
    RunRequest r = RunRequest.from(minimal);

    String actual =
        switch (key) {
          case "mode" -> r.mode().id();
          case "validation" -> r.validation().toString();
          case "work" -> r.work().toString();
          case "tool" -> r.toolVersion();
          default -> throw new IllegalArgumentException(key);
        };
    assertThat(actual).isEqualTo(expected);
  }

  static Stream<Arguments> defaults() {
    Path output = Path.of("output").toAbsolutePath();
    Path state = Path.of("state").toAbsolutePath();
    return Stream.of(
        Arguments.of("mode", "run"),
        Arguments.of("validation", output.resolve("validation").toString()),
        Arguments.of("work", state.resolve("work").toString()),
        Arguments.of("tool", "dev"));
  }
}
