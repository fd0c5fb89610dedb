package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.CityFixture;
import org.planreports.testing.FileEvents;

/**
 * A city office's run through the packaged jar: {@value #DISTRICTS} district bundles (the bundled
 * plan under {@value #DISTRICTS} region codes) and city-wide extracts holding all their rows. One
 * {@code run --plan DIR} publishes for each district exactly the files a single-district run
 * publishes; one district's invalid rows stop only that district; a killed run, run again, resumes
 * only the districts not done. The city runs and the run killed start the jar; the commands
 * compared with them run as the jar runs them once started ({@link InProcess}).
 */
class CityRunIT {

  /**
   * Enough for every point: more districts than the district threads of a 2–4 core machine, and a
   * run killed after 3 of them still has some left to do.
   */
  private static final int DISTRICTS = 8;

  /**
   * The 2023 annual bulletin, the mid-term evaluation and the plan's 2023 thematic bulletin: every
   * run here is {@code --year 2023}.
   */
  private static final int EDITIONS = 3;

  @TempDir static Path tmp;

  static Path city;
  static Path out;
  static Jar.Result first;

  @BeforeAll
  static void runTheCity() throws Exception {
    city = CityFixture.write(Path.of("."), tmp.resolve("city"), DISTRICTS);
    out = tmp.resolve("out");
    first = jar(run(city.resolve("plans"), city.resolve("input"), out, tmp.resolve("state")));
  }

  @Test
  void shouldPublishEveryDistrictInOneRun() throws Exception {
    assertThat(first.exit()).as(first.all()).isZero();
    for (int i = 0; i < DISTRICTS; i++) {
      String[] d = CityFixture.district(i);
      assertThat(editions(out.resolve(d[0]))).as(d[0]).hasSize(EDITIONS);
      assertThat(first.out()).contains("  " + d[0] + " " + d[1] + "：已发布 " + EDITIONS + " 项");
    }
    assertThat(first.out()).contains("合计：完成 " + DISTRICTS + " 个地区；退出码 0。");
    // Each district's report is its own, and its warnings stay in it rather than on the terminal.
    assertThat(out.resolve("validation/500101/validation-report.txt")).isRegularFile();
    assertThat(first.out()).doesNotContain("警告 nanchuan-2015.csv");
  }

  @Test
  void shouldPublishForADistrictExactlyWhatASingleDistrictRunPublishes() throws Exception {
    for (String region : List.of("500119", "500107")) {
      Path single = tmp.resolve("single-" + region);
      Jar.Result r =
          InProcess.run(
              run(
                  city.resolve("plans").resolve(region),
                  city.resolve("input"),
                  single.resolve("out"),
                  single.resolve("state")));
      assertThat(r.exit()).as(r.all()).isZero();
      Jar.assertSameFiles(single.resolve("out").resolve(region), out.resolve(region));
      Jar.assertSameFiles(
          single.resolve("out/validation"), out.resolve("validation").resolve(region));
    }
  }

  @Test
  void shouldStopOnlyTheDistrictWhoseRowsAreInvalid() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("bad/plans"));
    for (String region : List.of("500101", "500105", "500119")) {
      Jar.copyTree(city.resolve("plans").resolve(region), plans.resolve(region));
    }
    Path input = Jar.copyTree(city.resolve("input"), tmp.resolve("bad/input"));
    Path file = input.resolve("nanchuan-2023-sample.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int bad = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("500105,2023,ENT_HNTE,")) {
        lines.set(i, lines.get(i).replaceFirst("^(500105,2023,ENT_HNTE,)[^,]*", "$1五十二"));
        bad = i + 1;
      }
    }
    assertThat(bad).isPositive();
    Files.write(file, lines, StandardCharsets.UTF_8);
    Path badOut = tmp.resolve("bad/out");

    Jar.Result r = InProcess.run(run(plans, input, badOut, tmp.resolve("bad/state")));

    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(editions(badOut.resolve("500105"))).isEmpty();
    assertThat(editions(badOut.resolve("500101"))).hasSize(EDITIONS);
    assertThat(editions(badOut.resolve("500119"))).hasSize(EDITIONS);
    assertThat(r.out())
        .contains("500105 江北区：输入未通过校验，未发布（1个错误")
        .contains("500101 万州区：已发布 " + EDITIONS + " 项")
        .contains("合计：完成 2 个地区，输入未通过校验 1 个地区；退出码 3。");
    assertThat(r.err()).contains("nanchuan-2023-sample.csv:" + bad + " [value]");
    assertThat(Files.readString(badOut.resolve("validation/500105/validation-report.txt")))
        .contains("五十二");
    assertThat(Files.readString(badOut.resolve("validation/500101/validation-report.txt")))
        .doesNotContain("五十二");
  }

  @Test
  void shouldResumeOnlyTheDistrictsNotDoneWhenAKilledRunIsRunAgain() throws Exception {
    Path killedOut = tmp.resolve("killed/out");
    Path state = tmp.resolve("killed/state");
    List<String> args = run(city.resolve("plans"), city.resolve("input"), killedOut, state);
    Process p = Jar.start(tmp.resolve("killed.log"), args);
    FileEvents.await(
        killedOut, p, Duration.ofMinutes(3), () -> doneDistricts(killedOut).size() >= 3);
    Jar.kill(p);
    List<String> done = doneDistricts(killedOut);
    assertThat(done)
        .as(Files.readString(tmp.resolve("killed.log")))
        .hasSizeBetween(3, DISTRICTS - 1);

    // Run again as the jar runs it once started: the same version, so the same run resumed.
    Jar.Result again = InProcess.run(args);

    assertThat(again.exit()).as(again.all()).isZero();
    // A district whose editions were all in place was done, or (at most one per district thread)
    // had its job still finishing when killed: that one is resumed, publishing nothing new.
    for (String region : done) {
      assertThat(again.out()).containsPattern(region + " \\S+：(未变化（[^）]+）|已发布 " + EDITIONS + " 项)");
    }
    java.util.regex.Matcher found =
        java.util.regex.Pattern.compile("此前已完成 (\\d+) 个地区").matcher(again.out());
    assertThat(found.find()).as(again.out()).isTrue();
    assertThat(Integer.parseInt(found.group(1))).isBetween(done.size() - 2, done.size());
    for (int i = 0; i < DISTRICTS; i++) {
      String region = CityFixture.district(i)[0];
      Jar.assertSameFiles(out.resolve(region), killedOut.resolve(region));
    }
  }

  /** Districts with all their editions in place. */
  private static List<String> doneDistricts(Path output) throws Exception {
    List<String> done = new ArrayList<>();
    for (int i = 0; i < DISTRICTS; i++) {
      String region = CityFixture.district(i)[0];
      if (editions(output.resolve(region)).size() == EDITIONS) {
        done.add(region);
      }
    }
    return done;
  }

  private static List<Path> editions(Path region) throws Exception {
    if (!Files.isDirectory(region)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(region, 2)) {
      return walk.filter(p -> p.getFileName().toString().startsWith("edition-")).toList();
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
        // The running job renamed a half-written edition while the tree was read: not done yet
        // as far as this look can tell; the caller looks again.
        return List.of();
      }
      throw e;
    }
  }

  private static List<String> run(Path plans, Path input, Path output, Path state) {
    return List.of(
        "run",
        "--publish",
        "--plan",
        plans.toString(),
        "--input",
        input.toString(),
        "--output",
        output.toString(),
        "--state",
        state.toString(),
        "--year",
        "2023");
  }

  private static Jar.Result jar(List<String> args) throws Exception {
    return Jar.run(tmp, args);
  }
}
