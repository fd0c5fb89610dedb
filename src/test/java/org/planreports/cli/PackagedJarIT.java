package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;

/**
 * Starts the packaged jar as an operator would and checks what it publishes; what another input,
 * plan or bundle publishes runs the same commands in this JVM ({@link InProcess}), shown to publish
 * the jar's bytes.
 */
class PackagedJarIT {

  record Result(int exit, String out) {}

  @TempDir static Path tmp;

  static Path jar;
  static Result first;

  @BeforeAll
  static void runTheMidterm() throws Exception {
    jar = Path.of(System.getProperty("planreports.jar", "target/plan-reports.jar"));
    first = run(tmp.resolve("a"), Path.of("input"), "--year", "2023", "--assessment", "midterm");
  }

  static Result run(Path dir, Path input, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toAbsolutePath().toString()));
    cmd.addAll(runArgs(dir, input, extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), out);
  }

  /**
   * The same command run as the jar runs it once started ({@link InProcess}), for the tests whose
   * point is what it publishes rather than the process.
   */
  static Result runHere(Path dir, Path input, String... extra) throws IOException {
    Jar.Result r = InProcess.run(runArgs(dir, input, extra));
    return new Result(r.exit(), r.all());
  }

  private static List<String> runArgs(Path dir, Path input, String... extra) throws IOException {
    Files.createDirectories(dir);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--publish",
                "--input",
                input.toAbsolutePath().toString(),
                "--output",
                dir.resolve("out").toString(),
                "--state",
                dir.resolve("state").toString()));
    args.addAll(List.of(extra));
    return args;
  }

  static Path edition(Path dir) {
    return dir.resolve("out/500119/2023-midterm/edition-1");
  }

  static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void shouldPublishTheMidtermWithTable1AndTable2AsThePlanPrintsThem() throws Exception {
    assertThat(first.exit()).as(first.out()).isZero();
    String text = text(edition(tmp.resolve("a")).resolve("500119-2023-midterm.pdf"));
    assertThat(text).contains("↑1.28", "↑259", "↑2.79", "↑15", "↑168");
    assertThat(text).contains(">500", ">70", ">9", "≥10");
    assertThat(text).contains("表1", "表2", "完成进度", "时序进度", "评估结论", "滞后于时序进度");
    assertThat(text).contains("示例数据 非官方统计");
  }

  @Test
  void shouldEmbedEveryFont() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(edition(tmp.resolve("a")).resolve("500119-2023-midterm.pdf").toFile())) {
      int fonts = 0;
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          assertThat(font.getName()).contains("NotoS");
          fonts++;
        }
      }
      assertThat(fonts).isPositive();
    }
  }

  @Test
  void shouldWriteTheCompanionCsvAndTheManifest() throws Exception {
    Path ed = edition(tmp.resolve("a"));
    List<String> csv = Files.readAllLines(ed.resolve("table2.csv"), StandardCharsets.UTF_8);
    assertThat(csv.get(0))
        .isEqualTo(
            "\uFEFFtable,seq,indicator,unit,attribute,baseline_year,baseline,target_year,comparator,target,year,value,"
                + "time_progress_pct,completion_pct,schedule_ratio,status,projection,required_annual_growth_pct,note");
    assertThat(csv)
        .anyMatch(
            l ->
                l.startsWith(
                    "表2,5,国家高新技术企业,家,预期性,2020,30,2025,>,70,2023,52,60.0,55.0,0.92,滞后于时序进度,75,"));
    String manifest = Files.readString(ed.resolve("manifest.json"));
    byte[] pdf = Files.readAllBytes(ed.resolve("500119-2023-midterm.pdf"));
    assertThat(manifest).contains(InputSet.hex(InputSet.sha256().digest(pdf)));
    for (var f : InputSet.scan(Path.of("input")).files()) {
      assertThat(manifest).contains(f.sha256());
    }
  }

  @Test
  void shouldPublishNothingNewOnASecondIdenticalRun() throws Exception {
    Result again =
        run(tmp.resolve("a"), Path.of("input"), "--year", "2023", "--assessment", "midterm");
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("没有发布任何新内容");
    assertThat(edition(tmp.resolve("a")).resolveSibling("edition-2")).doesNotExist();
  }

  /**
   * The same command in another folder, run in this JVM ({@link InProcess}, the jar's classes): the
   * same bytes as the jar's run, so the jar tier's tests may run commands here and compare them
   * with, or resume, what the jar publishes.
   */
  @Test
  void shouldGiveByteIdenticalFilesInSeparateFoldersAndInProcess() throws Exception {
    Result second =
        runHere(tmp.resolve("b"), Path.of("input"), "--year", "2023", "--assessment", "midterm");
    assertThat(second.exit()).as(second.out()).isZero();
    Jar.assertSameFiles(edition(tmp.resolve("a")), edition(tmp.resolve("b")));
    assertThat(InProcess.run(List.of("--version")).out()).isEqualTo(exec("--version").out());
  }

  @Test
  void shouldShowAnotherExtractsFigures() throws Exception {
    Path input = tmp.resolve("other-input");
    Files.createDirectories(input);
    try (var files = Files.list(Path.of("input"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, input.resolve(f.getFileName()));
      }
    }
    Path y2023 = input.resolve("nanchuan-2023-sample.csv");
    String text = Files.readString(y2023, StandardCharsets.UTF_8);
    Files.writeString(
        y2023, text.replace("2023,ENT_HNTE,52,", "2023,ENT_HNTE,61,"), StandardCharsets.UTF_8);

    Result r = runHere(tmp.resolve("c"), input, "--year", "2023", "--assessment", "midterm");

    assertThat(r.exit()).as(r.out()).isZero();
    List<String> csv =
        Files.readAllLines(edition(tmp.resolve("c")).resolve("table2.csv"), StandardCharsets.UTF_8);
    assertThat(csv)
        .anyMatch(
            l ->
                l.startsWith(
                    "表2,5,国家高新技术企业,家,预期性,2020,30,2025,>,70,2023,61,60.0,77.5,1.29,达到时序进度,"));
    assertThat(text(edition(tmp.resolve("c")).resolve("500119-2023-midterm.pdf")))
        .contains("77.5%");
  }

  @Test
  void shouldRejectAnUnknownOptionWithExitCode2() throws Exception {
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toAbsolutePath().toString(),
                "run",
                "--publish",
                "--no-such-option")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
  }

  static Result exec(String... args) throws IOException, InterruptedException {
    return exec(null, args);
  }

  /**
   * The packaged jar with these arguments, started in {@code cwd} (null: this process's folder).
   */
  static Result exec(Path cwd, String... args) throws IOException, InterruptedException {
    Path packaged = Path.of(System.getProperty("planreports.jar", "target/plan-reports.jar"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                packaged.toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(cwd == null ? null : cwd.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void shouldPublishAnotherPlansDeclaredBulletinFromItsBundle() throws Exception {
    Path bundle = Path.of("src/test/resources/fixtures/plans/district-binding");
    Path dir = tmp.resolve("other-plan");
    Result r =
        runHere(
            dir,
            bundle.resolve("extracts"),
            "--plan",
            bundle.resolve("plan.properties").toAbsolutePath().toString(),
            "--year",
            "2024",
            "--assessment",
            "park");
    assertThat(r.exit()).as(r.out()).isZero();
    Path edition = dir.resolve("out/500998/2024-park/edition-1");
    assertThat(edition.resolve("column2.csv")).exists();
    assertThat(text(edition.resolve("500998-2024-park.pdf")))
        .contains("科技园区建设动态", "东岭区科学技术局")
        .doesNotContain("南川");
    Result undeclared =
        runHere(
            dir,
            bundle.resolve("extracts"),
            "--plan",
            bundle.resolve("plan.properties").toString(),
            "--assessment",
            "zone");
    assertThat(undeclared.exit()).isEqualTo(2);
    assertThat(undeclared.out()).contains("方案未声明这一专题公报", "park");
  }

  @Test
  void shouldRefuseABrokenPlanBundleWithEveryMistakeAndExitCode3() throws Exception {
    Path bundle = tmp.resolve("broken-plan");
    Files.createDirectories(bundle);
    Path source = Path.of("src/test/resources/fixtures/plans/scheme-2027");
    for (String f :
        List.of("plan.properties", "items.csv", "indicators.csv", "catalogue.csv", "tables.csv")) {
      String text = Files.readString(source.resolve(f), StandardCharsets.UTF_8);
      text = text.replace(",LEVEL,预期性,,,2027,50家以上", ",LEVL,预期性,,,2027,50家以上");
      text = text.replace("period.mid=2025", "period.mid=2030");
      Files.writeString(bundle.resolve(f), text, StandardCharsets.UTF_8);
    }
    Jar.Result here =
        InProcess.run(
            List.of("check-plan", "--plan", bundle.resolve("plan.properties").toString()));
    Result check = new Result(here.exit(), here.all());
    assertThat(check.exit()).isEqualTo(3);
    assertThat(check.out())
        .contains(
            "catalogue.csv:2 [kind] “LEVL”",
            "plan.properties:8 [period.base/period.mid/period.final]")
        .doesNotContain("Exception", "\tat ");
    Path dir = tmp.resolve("broken-run");
    Result r =
        runHere(
            dir,
            source.resolve("extracts"),
            "--plan",
            bundle.resolve("plan.properties").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("catalogue.csv:2 [kind]").doesNotContain("Exception");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(InProcess.run(List.of("check-plan")).exit()).isZero();
  }
}
