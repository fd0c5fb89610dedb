package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.CityFixture;
import org.planreports.testing.FileEvents;
import org.planreports.testing.TestPostgres;

/**
 * Workers sharing one PostgreSQL database over a city's {@value #DISTRICTS} districts, as processes
 * started by a scheduler: two on the same districts share them through the districts' locks, and
 * one killed mid-run and started again completes the set with each district published exactly once;
 * two with {@code --shard 0/2} and {@code 1/2} split them.
 */
class SharedDatabaseIT {

  /** More than a worker's district threads on a 2–4 core machine, with some left after a kill. */
  private static final int DISTRICTS = 8;

  /**
   * The 2023 annual bulletin, the mid-term evaluation and the plan's 2023 thematic bulletin: every
   * run here is {@code --year 2023}.
   */
  private static final int EDITIONS = 3;

  @TempDir static Path tmp;

  static Path city;

  @BeforeAll
  static void cityOnPostgres() {
    TestPostgres.require();
    city = CityFixture.write(Path.of("."), tmp.resolve("city"), DISTRICTS);
  }

  @Test
  void shouldPublishEachDistrictOnceWhenOneOfTwoWorkersIsKilledAndStartedAgain() throws Exception {
    Map<String, String> db = TestPostgres.newDatabase().environment();
    Path out = tmp.resolve("two/out");
    Process a = Jar.start(tmp.resolve("a.log"), run(out, tmp.resolve("two/state-a")), db);
    Process b = Jar.start(tmp.resolve("b.log"), run(out, tmp.resolve("two/state-b")), db);
    FileEvents.await(out, a, Duration.ofMinutes(4), () -> done(out).size() >= 2);
    assertThat(a.isAlive()).as(Files.readString(tmp.resolve("a.log"))).isTrue();
    a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    assertThat(b.waitFor(6, TimeUnit.MINUTES)).isTrue();
    assertThat(b.exitValue()).as(Files.readString(tmp.resolve("b.log"))).isZero();
    Jar.Result again = Jar.run(tmp, run(out, tmp.resolve("two/state-a")), db);

    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.out()).contains("此前已完成 " + DISTRICTS + " 个地区");
    assertPublishedOnce(out, db);
    // What the workers published is what one district's own run with an H2 state publishes (run
    // as the jar runs it once started: no environment to give it).
    Path single = tmp.resolve("single");
    Jar.Result alone =
        InProcess.run(
            run(city.resolve("plans/500119"), single.resolve("out"), single.resolve("state")));
    assertThat(alone.exit()).as(alone.all()).isZero();
    Jar.assertSameFiles(single.resolve("out/500119"), out.resolve("500119"));
  }

  @Test
  void shouldSplitTheDistrictsBetweenShards() throws Exception {
    Map<String, String> db = TestPostgres.newDatabase().environment();
    Path out = tmp.resolve("shards/out");
    List<Process> shards = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<String> args = new ArrayList<>(run(out, tmp.resolve("shards/state-" + i)));
      args.addAll(List.of("--shard", i + "/2"));
      shards.add(Jar.start(tmp.resolve("shard-" + i + ".log"), args, db));
    }
    for (int i = 0; i < 2; i++) {
      Process p = shards.get(i);
      String log = tmp.resolve("shard-" + i + ".log").toString();
      assertThat(p.waitFor(6, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(Path.of(log))).isZero();
      assertThat(Files.readString(Path.of(log)))
          .contains("各地区结果（共" + DISTRICTS / 2 + "个地区）")
          .doesNotContain("另一进程正在处理该地区");
    }
    assertPublishedOnce(out, db);
  }

  /** Every district's editions are on disk once, history holds each once, nothing is left over. */
  private static void assertPublishedOnce(Path out, Map<String, String> db) throws Exception {
    assertThat(done(out)).hasSize(DISTRICTS);
    try (Stream<Path> walk = Files.walk(out)) {
      assertThat(walk.map(p -> out.relativize(p).toString()))
          .noneMatch(p -> p.contains("edition-2"))
          .noneMatch(p -> p.endsWith(".part"))
          .noneMatch(p -> p.startsWith(RunLauncher.LEGACY_WORK_ON_OUTPUT));
    }
    try (Connection c =
            DriverManager.getConnection(
                db.get("PLANREPORTS_DATABASE_URL"),
                db.get("PLANREPORTS_DATABASE_USER"),
                db.get("PLANREPORTS_DATABASE_PASSWORD"));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT region || '/' || publication),"
                    + " SUM(CASE WHEN status = 'PUBLISHED' THEN 1 ELSE 0 END) FROM pr_publication")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(DISTRICTS * EDITIONS);
      assertThat(rs.getLong(2)).isEqualTo(DISTRICTS * EDITIONS);
      assertThat(rs.getLong(3)).isEqualTo(DISTRICTS * EDITIONS);
    }
  }

  /** Districts with all their editions in place. */
  private static List<String> done(Path out) throws Exception {
    List<String> done = new ArrayList<>();
    for (int i = 0; i < DISTRICTS; i++) {
      Path region = out.resolve(CityFixture.district(i)[0]);
      if (Files.isDirectory(region)) {
        try (Stream<Path> walk = Files.walk(region, 2)) {
          if (walk.filter(p -> p.getFileName().toString().equals("edition-1")).count()
              == EDITIONS) {
            done.add(region.getFileName().toString());
          }
        }
      }
    }
    return done;
  }

  private static List<String> run(Path out, Path state) {
    return run(city.resolve("plans"), out, state);
  }

  private static List<String> run(Path plans, Path out, Path state) {
    return List.of(
        "run",
        "--publish",
        "--plan",
        plans.toString(),
        "--input",
        city.resolve("input").toString(),
        "--output",
        out.toString(),
        "--state",
        state.toString(),
        "--year",
        "2023");
  }
}
