package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plan bundle mistakes: each is reported with its file, line, column, the text found and what was
 * expected, all of them at once, never as a bare exception; and what a plan may lack loads.
 */
class PlanBundleCheckTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/plans");

  @TempDir Path dir;

  private Path copy(String bundle) throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES.resolve(bundle))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir.resolve("plan.properties");
  }

  private void edit(String file, String from, String to) throws IOException {
    Path p = dir.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    assertThat(text).as("fixture " + file).contains(from);
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private List<PlanProblem> problems(Path plan) {
    try {
      PlanLoader.load(plan);
    } catch (PlanBundleException e) {
      return e.problems();
    }
    throw new AssertionError("the bundle loaded");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown kind              | scheme-2027      | catalogue.csv   | 主要目标,1,ENT_HNTE,高新技术企业（家）,LEVEL | 主要目标,1,ENT_HNTE,高新技术企业（家）,LEVL | catalogue.csv | 2 | kind | LEVL | LEVEL
          range worded on a LEVEL   | scheme-2027      | catalogue.csv   | 3.4%以上,≥,3.4,      | 2.5~2.8,≥,2.5~2.8,   | catalogue.csv | 3 | kind | LEVEL | RANGE
          malformed range           | district-binding | catalogue.csv   | 2.5~2.8,,2.5~2.8,    | 2.5~2.8,,2.5-2.8,    | catalogue.csv | 7 | target_value | 2.5-2.8 | 2.5~2.8
          unknown attribute         | scheme-2027      | catalogue.csv   | CUMULATIVE,预期性    | CUMULATIVE,指导性    | catalogue.csv | 5 | attribute | 指导性 | 约束性
          unknown indicator         | scheme-2027      | catalogue.csv   | 主要目标,5,INNOV_RANK | 主要目标,5,RANK   | catalogue.csv | 6 | indicator | RANK | indicators.csv
          duplicate seq             | scheme-2027      | catalogue.csv   | 主要目标,5,INNOV_RANK | 主要目标,4,INNOV_RANK | catalogue.csv | 6 | seq | 4 | 不重复
          bad source line           | scheme-2027      | catalogue.csv   | ,0,12,               | ,0,第12行,           | catalogue.csv | 2 | source_line | 第12行 | 正整数
          row in undeclared table   | scheme-2027      | catalogue.csv   | 主要目标,6,          | 专栏9,6,             | catalogue.csv | 7 | table | 专栏9 | tables.csv
          table without publication | scheme-2027      | tables.csv      | annual midterm final | ''                  | tables.csv    | 2 | publications | '' | annual
          unknown publication       | district-binding | tables.csv      | midterm final park   | midterm final zone  | tables.csv    | 4 | publications | zone | park
          csv name                  | scheme-2027      | tables.csv      | targets.csv          | 目标.csv            | tables.csv    | 2 | csv | 目标.csv | .csv
          unknown origin            | scheme-2027      | tables.csv      | ,text,               | ,正文,              | tables.csv    | 2 | origin | 正文 | text
          history needs its year    | district-binding | plan.properties | period.previous-base=2015 | '#'            | plan.properties | 0 | period.previous-base | '' | 上一规划期
          missing title             | scheme-2027      | plan.properties | plan.title=北岸县科技创新三年行动方案（2022-2027年） | plan.title= | plan.properties | 2 | plan.title | '' | 规划全称
          period out of order       | scheme-2027      | plan.properties | period.mid=2025      | period.mid=2028     | plan.properties | 8 | period.base/period.mid/period.final | 2022/2028/2027 | 基期年份
          year not a year           | scheme-2027      | plan.properties | period.base=2022     | period.base=二〇二二 | plan.properties | 7 | period.base | 二〇二二 | 年份
          baseline a bound          | zone-news        | catalogue.csv   | 2021,5075家,2025     | 2021,5000家以上,2025 | catalogue.csv | 2 | baseline_printed | 5000家以上 | 5075家
          baseline in another unit  | zone-news        | catalogue.csv   | 约3.5亿元            | 约3.5万人            | catalogue.csv | 4 | baseline_printed | 约3.5万人 | 亿元
          baseline not a number     | zone-news        | catalogue.csv   | 10.52%              | 一成                | catalogue.csv | 3 | baseline_printed | 一成 | 数字
          baseline finer than shown | zone-news        | catalogue.csv   | 10.52%              | 10.523%             | catalogue.csv | 3 | baseline_printed | 10.523% | 2 位小数
          baseline of a task        | zone-news        | catalogue.csv   | ,—,2023             | ,1,2023             | catalogue.csv | 6 | baseline_printed | 1 | QUALITATIVE
          bulletin without title    | district-binding | plan.properties | bulletin.park.title=科技园区建设动态 | '#' | plan.properties | 0 | bulletin.park.title | '' | 标题
          """)
  void shouldReportEachMistakeWhereItIs(
      String name,
      String bundle,
      String file,
      String from,
      String to,
      String problemFile,
      long line,
      String column,
      String text,
      String expected)
      throws IOException {
    Path plan = copy(bundle);
    edit(file, from.strip(), to == null ? "" : to.strip());
    List<PlanProblem> problems = problems(plan);
    assertThat(problems)
        .as(name)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo(problemFile);
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.column()).isEqualTo(column);
              assertThat(p.text()).isEqualTo(text == null ? "" : text);
              assertThat(p.expected()).contains(expected);
              assertThat(p.oneLine()).startsWith("错误 " + problemFile);
            });
  }

  @Test
  void shouldReportEveryMistakeAtOnce() throws IOException {
    Path plan = copy("scheme-2027");
    edit("catalogue.csv", "LEVEL,预期性,,,2027,50家以上", "LEVL,预期性,,,2027,50家以上");
    edit("tables.csv", "targets.csv", "t a.csv");
    edit("plan.properties", "region.code=500999", "region.code=5009");
    assertThat(problems(plan))
        .extracting(PlanProblem::column)
        .contains("kind", "csv", "region.code");
  }

  @Test
  void shouldRefuseAFolderOrAMissingFile() throws IOException {
    assertThat(problems(FIXTURES.resolve("scheme-2027")))
        .singleElement()
        .satisfies(p -> assertThat(p.expected()).contains("plan.properties"));
    Path plan = copy("scheme-2027");
    Files.delete(dir.resolve("indicators.csv"));
    assertThat(problems(plan))
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("indicators.csv");
              assertThat(p.line()).isZero();
            });
  }

  @Test
  void shouldLoadWhatAPlanMayLack() {
    Plan plan = PlanLoader.load(FIXTURES.resolve("scheme-2027/plan.properties"));
    assertThat(plan.meta().document()).isNull();
    assertThat(plan.meta().previousBaseYear()).isNull();
    assertThat(plan.rows("主要目标").get(1).attribute()).isNull();
    assertThat(plan.rows("主要目标").get(1).effectiveAttribute().label()).isEqualTo("预期性");
    assertThat(plan.rows("主要目标").get(2).sourceLine()).isNull();
    assertThat(plan.bulletins()).isEmpty();
    assertThat(plan.tables())
        .singleElement()
        .satisfies(t -> assertThat(t.origin()).isEqualTo(TableSpec.Origin.TEXT));
  }

  @Test
  void shouldReadRangeAndQualitativeTargets() {
    Plan district = PlanLoader.load(FIXTURES.resolve("district-binding/plan.properties"));
    CatalogueRow range = district.rows("表3").get(3);
    assertThat(range.targetValue()).isEqualByComparingTo("2.5");
    assertThat(range.targetUpper()).isEqualByComparingTo("2.8");
    CatalogueRow words =
        PlanLoader.load(FIXTURES.resolve("scheme-2027/plan.properties")).rows("主要目标").get(5);
    assertThat(words.targetValue()).isNull();
    assertThat(words.targetPrinted()).isEqualTo("达到全市前列");
  }

  /** A bundle in the first version's format (no tables.csv, table1/table2 titles) still loads. */
  @Test
  void shouldLoadTodaysBundleWithoutTablesCsv() throws IOException {
    for (String name : List.of("items.csv", "indicators.csv", "catalogue.csv")) {
      try (InputStream in = PlanLoader.class.getResourceAsStream("/plan/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    Files.writeString(
        dir.resolve("plan.properties"),
        """
        plan.id=old-format
        plan.title=某区科技创新规划（2021-2025年）
        plan.document=
        plan.short-title=科技创新规划
        table1.title=上期主要指标完成情况
        table2.title=主要指标
        region.code=500119
        region.name=某区
        publisher=某区科学技术局
        period.previous-base=2015
        period.base=2020
        period.mid=2023
        period.final=2025
        """,
        StandardCharsets.UTF_8);
    Plan plan = PlanLoader.load(dir.resolve("plan.properties"));
    assertThat(plan.meta().document()).isNull();
    assertThat(plan.tables())
        .extracting(TableSpec::name, TableSpec::title, TableSpec::origin, TableSpec::csv)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "表1", "上期主要指标完成情况", TableSpec.Origin.PLAN, "table1.csv"),
            org.assertj.core.groups.Tuple.tuple("表2", "主要指标", TableSpec.Origin.PLAN, "table2.csv"),
            org.assertj.core.groups.Tuple.tuple("专栏1", "专栏1", TableSpec.Origin.PLAN, "column1.csv"),
            org.assertj.core.groups.Tuple.tuple(
                "其他量化目标", "其他量化目标", TableSpec.Origin.TEXT, "targets-1.csv"));
    assertThat(plan.table("表1").orElseThrow().publications()).containsOnly("midterm", "final");
    assertThat(plan.table("表2").orElseThrow().annualColumn()).isTrue();
  }

  @Test
  void shouldNeverThrowABareExceptionOnGarbage() throws IOException {
    Path plan = copy("scheme-2027");
    Files.write(dir.resolve("catalogue.csv"), new byte[] {(byte) 0xC3, 0x28, 0x0A});
    assertThatThrownBy(() -> PlanLoader.load(plan)).isInstanceOf(PlanBundleException.class);
  }

  /** A broken copy of a valid bundle and where check-plan must say the mistake is. */
  record Broken(
      String name,
      String bundle,
      String file,
      String from,
      String to,
      String at,
      String expected,
      String also) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Broken> mistakesThatUsedToPass() {
    String deep = "(".repeat(40) + "HT_OUTPUT" + ")".repeat(40) + " / IND_OUTPUT * 100";
    String nested = "(".repeat(20_000) + "HT_OUTPUT" + ")".repeat(20_000);
    String chained = "HT_OUTPUT" + " + HT_OUTPUT".repeat(60);
    return Stream.of(
        new Broken(
            "qualitative row over a numeric item",
            "zone-news",
            "catalogue.csv",
            "重点任务,1,LAB_PROV",
            "重点任务,1,RD_EXP",
            "catalogue.csv:5 [kind]",
            "QUALITATIVE 行的指标须由进展文字",
            "indicators.csv:4 [formula]、items.csv:5 [range]"),
        new Broken(
            "numeric row over a status item",
            "zone-news",
            "catalogue.csv",
            "主要目标,3,RD_EXP,园区R&D经费投入（亿元）,LEVEL,,2021,约3.5亿元",
            "主要目标,3,LAB_PROV,园区R&D经费投入（亿元）,LEVEL,,2021,—",
            "catalogue.csv:4 [kind]",
            "只能用于 QUALITATIVE 行",
            "indicators.csv:5 [formula]、items.csv:6 [range]"),
        new Broken(
            "emoji in the title",
            "zone-news",
            "plan.properties",
            "plan.title=西湾科技园区",
            "plan.title=西湾科技园区\uD83D\uDE00",
            "plan.properties:2 [plan.title]",
            "U+1F600",
            null),
        new Broken(
            "ideograph beyond the fonts in a printed name",
            "zone-news",
            "catalogue.csv",
            "园区企业数（家）",
            "园区企业数\uD840\uDC00（家）",
            "catalogue.csv:2 [printed_name]",
            "第6个字符 U+20000",
            null),
        new Broken(
            "emoji in a table title",
            "zone-news",
            "tables.csv",
            "建设重点任务",
            "建设重点任务\u2764\uFE0F\uD83D\uDE80",
            "tables.csv:3 [title]",
            "第7个字符 U+2764",
            null),
        new Broken(
            "table CSV named like the correction notice",
            "zone-news",
            "tables.csv",
            "tasks.csv",
            "correction-notice.csv",
            "tables.csv:3 [csv]",
            "correction-notice.csv",
            null),
        new Broken(
            "table CSV named like the validation report",
            "zone-news",
            "tables.csv",
            "targets.csv",
            "Validation-Report.csv",
            "tables.csv:2 [csv]",
            "validation-report",
            null),
        new Broken(
            "two tables with one CSV",
            "zone-news",
            "tables.csv",
            "tasks.csv",
            "targets.csv",
            "tables.csv:3 [csv]",
            "不重复",
            "tables.csv:2 [csv]"),
        new Broken(
            "duplicate key in plan.properties",
            "zone-news",
            "plan.properties",
            "period.final=2025",
            "period.final=2025\nplan.title=另一个标题",
            "plan.properties:11 [plan.title]",
            "只写一次",
            "plan.properties:2 [plan.title]"),
        new Broken(
            "constant zero divisor",
            "zone-news",
            "indicators.csv",
            "HT_OUTPUT / IND_OUTPUT * 100",
            "HT_OUTPUT / (1 - 1) * 100",
            "indicators.csv:3 [formula]",
            "常数除数为零",
            null),
        new Broken(
            "direct code equal to an item code",
            "zone-news",
            "indicators.csv",
            "X_HT_SHARE",
            "RD_EXP",
            "indicators.csv:3 [direct_code]",
            "不与统计项代码",
            "items.csv:5 [code]"),
        new Broken(
            "formula nested 40 deep",
            "zone-news",
            "indicators.csv",
            "HT_OUTPUT / IND_OUTPUT * 100",
            deep,
            "indicators.csv:3 [formula]",
            "嵌套不超过 30 层",
            null),
        new Broken(
            "formula nested 20000 deep",
            "zone-news",
            "indicators.csv",
            "HT_OUTPUT / IND_OUTPUT * 100",
            nested,
            "indicators.csv:3 [formula]",
            "不超过 2000 个字符",
            null),
        new Broken(
            "formula of 700 characters",
            "zone-news",
            "indicators.csv",
            "HT_OUTPUT / IND_OUTPUT * 100",
            chained,
            "indicators.csv:3 [formula]",
            "不超过 500 个字符",
            null),
        new Broken(
            "huge exponent in a target",
            "zone-news",
            "catalogue.csv",
            "≥,8000,",
            "≥,8E+999999999,",
            "catalogue.csv:2 [target_value]",
            "不用科学记数法",
            null),
        new Broken(
            "overflowing exponent in a bound",
            "zone-news",
            "indicators.csv",
            "ZONE_ENT,,0,",
            "ZONE_ENT,,1E-2147483648,",
            "indicators.csv:2 [min]",
            "不用科学记数法",
            null),
        new Broken(
            "a cell of 50000 characters",
            "zone-news",
            "catalogue.csv",
            "建成省级重点实验室1个",
            "建成" + "省级重点实验室".repeat(7_000),
            "catalogue.csv:5 [target_printed]",
            "不超过 2000 个字符",
            null),
        new Broken(
            "plan file in GB18030",
            "zone-news",
            "catalogue.csv",
            null,
            null,
            "catalogue.csv:2 [table] “0x",
            "不是 UTF-8",
            null),
        new Broken(
            "row in an undeclared table",
            "zone-news",
            "catalogue.csv",
            "重点任务,2,",
            "专栏9,2,",
            "catalogue.csv:6 [table]",
            "tables.csv 中声明的表名",
            "tables.csv:1 [table]"),
        new Broken(
            "target year not after the base year",
            "zone-news",
            "catalogue.csv",
            "2021,5075家,2025",
            "2021,5075家,2021",
            "catalogue.csv:2 [target_year]",
            "晚于基期年份 2021",
            "plan.properties:8 [period.base]"),
        new Broken(
            "formula over an unknown item",
            "zone-news",
            "indicators.csv",
            "HT_OUTPUT / IND_OUTPUT",
            "HT_OUTPUT / IND_OUT",
            "indicators.csv:3 [formula]",
            "items.csv 中的统计项代码",
            "items.csv:1 [code]"));
  }

  /**
   * Bundle mistakes that passed check-plan and then failed or mis-published a run: each is refused
   * the way the command line refuses it (exit 3), at its file, line and column and, between two
   * files, at both ends; in a message of bounded length, never with a stack trace. Time is bounded
   * by construction: the sizes that made it unbounded (a formula's length and depth, a number's
   * digits, a cell, a file) are refused before anything is computed from them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakesThatUsedToPass")
  void shouldRefuseBundleMistakesAtTheCommandLine(Broken c) throws IOException {
    copy(c.bundle());
    if (c.from() == null) {
      Path p = dir.resolve(c.file());
      Files.write(p, Files.readString(p, StandardCharsets.UTF_8).getBytes("GB18030"));
    } else {
      edit(c.file(), c.from(), c.to());
    }
    var err = new java.io.ByteArrayOutputStream();
    var out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream oldErr = System.err;
    java.io.PrintStream oldOut = System.out;
    int code;
    try {
      System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
      code = org.planreports.cli.Main.run(new String[] {"check-plan", "--plan", dir.toString()});
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    String said = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(said).isEqualTo(3);
    assertThat(said)
        .contains("错误 " + c.at())
        .contains(c.expected())
        .doesNotContain("\tat ", "Exception", "Error:", "null");
    if (c.also() != null) {
      assertThat(said).contains("另见 " + c.also());
    }
    assertThat(said.length()).as(said).isLessThan(4_000);
  }

  @Test
  void shouldRefuseAFileTooLargeToBeAPlanWithoutReadingIt() throws IOException {
    Path plan = copy("zone-news");
    try (var out = Files.newOutputStream(dir.resolve("catalogue.csv"))) {
      out.write(new byte[(int) PlanLoader.MAX_FILE_BYTES + 1]);
    }
    assertThat(problems(plan))
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("catalogue.csv");
              assertThat(p.text()).contains(String.valueOf(PlanLoader.MAX_FILE_BYTES));
            });
  }

  @Test
  void shouldListAtMostAHundredProblems() throws IOException {
    Path plan = copy("zone-news");
    StringBuilder rows = new StringBuilder(Files.readString(dir.resolve("catalogue.csv")));
    for (int i = 0; i < 500; i++) {
      rows.append("主要目标,").append(100 + i).append(",NOPE,名称,LEVEL,,,,2025,1,≥,1,,0,,\n");
    }
    Files.writeString(dir.resolve("catalogue.csv"), rows);
    assertThatThrownBy(() -> PlanLoader.load(plan))
        .isInstanceOfSatisfying(
            PlanBundleException.class,
            e -> {
              assertThat(e.problems()).hasSize(PlanBundleException.MAX_LISTED);
              assertThat(e.getMessage()).contains("有 500 处错误", "前 100 处");
            });
  }

  /**
   * {@code run} makes the same checks before anything else: an undrawable title is exit 3 there.
   */
  @Test
  void shouldRefuseTheSameMistakesBeforeARunStarts() throws IOException {
    copy("zone-news");
    edit("plan.properties", "plan.title=西湾科技园区", "plan.title=西湾科技园区\uD83D\uDE00");
    Path work = Files.createDirectories(dir.resolve("work"));
    var err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream oldErr = System.err;
    int code;
    try {
      System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      code =
          org.planreports.cli.Main.run(
              new String[] {
                "run",
                "--publish",
                "--plan",
                dir.toString(),
                "--input",
                FIXTURES.resolve("zone-news/extracts").toString(),
                "--output",
                work.resolve("out").toString(),
                "--state",
                work.resolve("state").toString()
              });
    } finally {
      System.setErr(oldErr);
    }
    String said = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(said).isEqualTo(3);
    assertThat(said).contains("错误 plan.properties:2 [plan.title]", "U+1F600");
    assertThat(work.resolve("out")).doesNotExist();
  }

  /**
   * A baseline printed with a unit for an indicator that has none (blank or “—”): what is expected
   * names no empty unit (issue 19 item 8: unitless items are allowed, no empty or "null" words).
   */
  @ParameterizedTest(name = "unit [{0}], baseline {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | 约3.5亿元 | 不带单位的数字（本指标没有单位）",
        "— | 约3.5亿元 | 不带单位的数字（本指标没有单位）",
        "'' | 三点五 | 本指标没有单位，不写单位",
        "— | 三点五 | 本指标没有单位，不写单位",
      })
  void shouldExpectABaselineWithoutAUnitForAnIndicatorWithout(
      String unit, String baseline, String expected) throws Exception {
    Path plan = copy("zone-news");
    edit("indicators.csv", "RD_EXP,园区R&D经费投入,亿元,", "RD_EXP,园区R&D经费投入," + unit + ",");
    edit("catalogue.csv", "2021,约3.5亿元,2025", "2021," + baseline + ",2025");

    List<PlanProblem> found =
        problems(plan).stream().filter(p -> p.column().equals("baseline_printed")).toList();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).line()).isEqualTo(4);
    assertThat(found.get(0).expected())
        .contains(expected)
        .doesNotContain("单位 " + unit + " ", "null");
  }
}
