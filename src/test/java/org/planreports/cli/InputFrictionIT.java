package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input's friction as an operator meets it on the command line (issue 19 items 7, 8): exit
 * codes, what is said and what is left on disk, and never a "null" in anything a person reads —
 * every failure path's terminal output and validation report is scanned for it. The commands run in
 * this JVM ({@link InProcess}): what they say and leave is the point, not how the jar starts.
 */
class InputFrictionIT {

  private static final Path INPUT = Path.of("input");
  private static final Path BAD = Path.of("src/test/resources/fixtures/bad");

  @TempDir Path tmp;

  private Path folder(String name, String... bundled) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String f : bundled) {
      Files.copy(INPUT.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  private Jar.Result run(String name, Path input, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--publish", "--input", input.toString()));
    args.addAll(List.of("--output", tmp.resolve(name + "-out").toString()));
    args.addAll(List.of("--state", tmp.resolve(name + "-state").toString()));
    args.addAll(List.of(extra));
    Jar.Result r = InProcess.run(args);
    assertNoNull(r.all());
    Path validation = tmp.resolve(name + "-out/validation");
    if (Files.isDirectory(validation)) {
      try (Stream<Path> files = Files.list(validation)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertNoNull(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return r;
  }

  private static void assertNoNull(String text) {
    assertThat(text).as(text).doesNotContainIgnoringCase("null");
  }

  private List<String> published(String name) throws Exception {
    return Jar.files(tmp.resolve(name + "-out")).stream()
        .filter(f -> !f.startsWith("validation/") && !f.startsWith(".plan-reports"))
        .toList();
  }

  @Test
  void shouldSayThatBaseYearsAloneGiveNothingToPublishWithExit7() throws Exception {
    Path input = folder("base", "nanchuan-2015.csv", "nanchuan-2020.csv");

    Jar.Result r = run("base", input);

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.NOTHING_TO_PUBLISH);
    assertThat(r.err()).contains("没有基期2020年以后的数据", "2015、2020").doesNotContain("--year");
    assertThat(published("base")).isEmpty();
  }

  @Test
  void shouldSayThatTheYearAskedHasNoDataWithExit7() throws Exception {
    Path input =
        folder("year", "nanchuan-2015.csv", "nanchuan-2020.csv", "nanchuan-2021-sample.csv");

    Jar.Result r = run("year", input, "--year", "2024");

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.NOTHING_TO_PUBLISH);
    assertThat(r.err()).contains("--year 2024", "2015、2020、2021");
    assertThat(published("year")).isEmpty();
  }

  @Test
  void shouldRefuseADerivedShareOver100NamingItsInputLines() throws Exception {
    Path input = folder("share", "nanchuan-2015.csv", "nanchuan-2020.csv");
    Files.copy(BAD.resolve("range-derived-39-digits.csv"), input.resolve("range.csv"));

    Jar.Result r = run("share", input);

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.all())
        .contains(
            "range.csv:2 [value]", "range.csv 第2行 IND_ENT_RD_INST=", "range.csv 第3行 IND_ENT=100");
    assertThat(published("share")).isEmpty();
    assertThat(Files.readString(tmp.resolve("share-out/validation/validation-report.csv")))
        .contains("E_RANGE");
  }

  @Test
  void shouldPublishDespiteEarlierYearsAndALongUnknownColumnWithWarnings() throws Exception {
    Path input = folder("friction", "nanchuan-2020.csv", "nanchuan-2021-sample.csv");
    StringBuilder series =
        new StringBuilder(
            "region_code,year,item_code,value,unit,source,status,note,"
                + "数据库导出说明".repeat(30)
                + "\r\n");
    for (int year = 2001; year <= 2014; year++) {
      series.append("500119,").append(year).append(",ENT_HNTE,").append(year - 1990);
      series.append(",家,区统计局,正式,,\r\n");
    }
    Files.writeString(input.resolve("series.csv"), series, StandardCharsets.UTF_8);

    Jar.Result r = run("friction", input, "--year", "2021", "--assessment", "annual");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.all()).contains("series.csv", "14行", "2001—2014年", "未知列");
    assertThat(published("friction")).anyMatch(f -> f.startsWith("500119/2021-annual/"));
  }

  @Test
  void shouldSayNoNullForAnyFixtureOfTheBadInputCorpus() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("corpus"));
    try (Stream<Path> files = Files.list(BAD)) {
      for (Path f : files.filter(p -> !p.endsWith("EXPECTED.csv")).toList()) {
        Files.copy(f, input.resolve(f.getFileName()));
      }
    }

    Jar.Result r = run("corpus", input);

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(published("corpus")).isEmpty();
  }
}
