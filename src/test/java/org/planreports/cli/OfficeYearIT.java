package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.CityFixture;

/**
 * The office's year, as issue 22's operator walks it — once for a district and once for a city: the
 * bundled sample run (review copies, no edition), the office's own figures in an Excel workbook (a
 * formula's saved result among them), review copies with their change list, the office's commentary
 * with figures resolved as printed, {@code publish --date}, a corrected figure in the next review's
 * change list, {@code publish} refused without a reason and released with {@code --reason}, and
 * {@code verify}. Every exit code and the files each step leaves are checked. Each command runs as
 * the jar runs it once started ({@link InProcess}: the jar's classes and version); the package
 * started as an office starts it walks the same commands in {@link InstallablePackageIT}.
 */
class OfficeYearIT {

  private static final String REGION = "500119";
  private static final String MIDTERM = "2023-midterm";
  private static final String COMMENTARY =
      "src/test/resources/fixtures/commentary/nanchuan/2023-midterm.md";

  @TempDir Path tmp;

  Path out;
  Path state;
  Path review;

  private Jar.Result step(int exit, Path input, String command, String... more) throws Exception {
    return step(exit, input, null, command, more);
  }

  private Jar.Result step(int exit, Path input, Path plan, String command, String... more)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    if (input != null) {
      args.addAll(List.of("--input", input.toString()));
    }
    if (plan != null) {
      args.addAll(List.of("--plan", plan.toString()));
    }
    args.addAll(List.of("--output", out.toString(), "--state", state.toString()));
    if (!command.equals("verify") && !command.equals("history")) {
      args.addAll(List.of("--review", review.toString()));
    }
    args.addAll(List.of(more));
    Jar.Result r = InProcess.run(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.all()).isEqualTo(exit);
    return r;
  }

  /**
   * The office's own 2021–2023 figures: the samples' rows as a workbook its statistics office made.
   */
  private static void workbook(Path from, Path xlsx, String rdExp2023) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      for (String year : List.of("2021", "2022", "2023")) {
        XSSFSheet sheet = wb.createSheet(year + "年");
        Path csv;
        try (Stream<Path> files = Files.list(from)) {
          csv =
              files
                  .filter(f -> f.getFileName().toString().endsWith(year + "-sample.csv"))
                  .findFirst()
                  .orElseThrow();
        }
        // As the office's extracts are: UTF-8, or GB18030 as WPS saves them (the 2022 sample).
        byte[] bytes = Files.readAllBytes(csv);
        String text;
        try {
          text =
              StandardCharsets.UTF_8
                  .newDecoder()
                  .decode(java.nio.ByteBuffer.wrap(bytes))
                  .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
          text = new String(bytes, java.nio.charset.Charset.forName("GB18030"));
        }
        try (CSVParser p =
            CSVParser.parse(
                text.replace("\uFEFF", ""),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
          List<String> header = p.getHeaderNames();
          XSSFRow top = sheet.createRow(0);
          for (int c = 0; c < header.size(); c++) {
            top.createCell(c).setCellValue(header.get(c));
          }
          int r = 1;
          for (CSVRecord rec : p) {
            XSSFRow row = sheet.createRow(r++);
            for (int c = 0; c < header.size(); c++) {
              String name = top.getCell(c).getStringCellValue();
              String v = rec.get(c);
              XSSFCell cell = row.createCell(c);
              if (name.equals("source")) {
                cell.setCellValue("南川区统计局");
              } else if (name.equals("value")
                  && rec.get("item_code").equals("RD_EXP")
                  && year.equals("2023")) {
                cell.setCellValue(Double.parseDouble(rdExp2023));
              } else if (name.equals("value")
                  && rec.get("item_code").equals("GDP")
                  && year.equals("2023")) {
                // A figure the office adds up in the workbook: its saved result is what is read.
                cell.setCellFormula(
                    "400+" + new java.math.BigDecimal(v).subtract(new java.math.BigDecimal(400)));
                wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
              } else if ((name.equals("value") || name.equals("year"))
                  && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                cell.setCellValue(Double.parseDouble(v));
              } else {
                cell.setCellValue(v);
              }
            }
          }
        }
      }
      try (OutputStream o = Files.newOutputStream(xlsx)) {
        wb.write(o);
      }
    }
  }

  /** The office's folder: the plan's own 2015/2020 CSVs, the workbook, the commentary. */
  private Path officeInput(Path samples, String rdExp2023, Path commentaryFolder) throws Exception {
    Path input = Files.createDirectories(tmp.resolve("office-input"));
    for (String y : List.of("2015", "2020")) {
      try (Stream<Path> files = Files.list(samples)) {
        for (Path f : files.filter(f -> f.getFileName().toString().endsWith(y + ".csv")).toList()) {
          Files.copy(f, input.resolve(f.getFileName()));
        }
      }
    }
    workbook(samples, input.resolve("科技统计2021-2023.xlsx"), rdExp2023);
    Path c = Files.createDirectories(input.resolve(commentaryFolder));
    Files.copy(Path.of(COMMENTARY), c.resolve(MIDTERM + ".md"));
    return input;
  }

  private static String text(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static List<String> editions(Path publication) throws Exception {
    if (!Files.isDirectory(publication)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(publication)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String changes(Path copy) throws Exception {
    return Files.readString(copy.resolve("changes.csv"), StandardCharsets.UTF_8);
  }

  @Test
  void aDistrictsYear() throws Exception {
    out = tmp.resolve("output");
    state = tmp.resolve("state");
    review = tmp.resolve("review");
    Path pub = out.resolve(REGION).resolve(MIDTERM);
    Path copy = review.resolve(REGION).resolve(MIDTERM);

    // The README's first command on the bundled sample: review copies only, nothing published.
    Jar.Result sample = step(0, Path.of("input"), "run");
    assertThat(sample.out()).contains("审阅稿已生成");
    assertThat(text(copy.resolve(REGION + "-" + MIDTERM + ".pdf"))).contains("审阅稿", "示例数据");
    assertThat(out.resolve(REGION)).as("no edition from the sample").doesNotExist();

    // The office's Excel template, then its own figures in a workbook, with its commentary.
    Jar.Result template =
        InProcess.run(List.of("template", "--file", tmp.resolve("模板.xlsx").toString()));
    assertThat(template.exit()).as(template.all()).isZero();
    assertThat(tmp.resolve("模板.xlsx")).isRegularFile();
    Path input = officeInput(Path.of("input"), "8.62", Path.of("commentary"));

    Jar.Result reviewed = step(0, input, "run", "--year", "2023");
    assertThat(reviewed.out()).contains("2023-midterm：新发布");
    assertThat(changes(copy)).contains("2023-midterm,新发布");
    String draft = text(copy.resolve(REGION + "-" + MIDTERM + ".pdf"));
    assertThat(draft)
        .contains("审阅稿", "前言", "主要成效")
        .doesNotContain("示例数据 非官方统计")
        .doesNotContain("{{");
    // The commentary's figure is the table's: 2.05% for the samples' 2023 R&D intensity.
    assertThat(draft).contains("2.05%");
    assertThat(out.resolve(REGION)).doesNotExist();

    Jar.Result published = step(0, input, "publish", "--date", "2024-03-15");
    assertThat(published.out()).contains(pub.resolve("edition-1").toString());
    String first = text(pub.resolve("edition-1").resolve(REGION + "-" + MIDTERM + ".pdf"));
    assertThat(first).contains("发布日期：2024年3月15日", "2.05%").doesNotContain("审阅稿");
    // A bulletin has no cover: its title block carries the date.
    assertThat(text(out.resolve(REGION + "/2023-annual/edition-1/" + REGION + "-2023-annual.pdf")))
        .contains("发布日期：2024年3月15日");
    for (String f : List.of("manifest.json", "provenance.csv", "datapackage.json", "table1.csv")) {
      assertThat(pub.resolve("edition-1").resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(pub.resolve("edition-1/provenance.csv"), StandardCharsets.UTF_8))
        .contains("科技统计2021-2023.xlsx");
    assertThat(copy).as("released: its review copy is gone").doesNotExist();

    // A corrected figure: the workbook resaved with 2023's R&D expenditure changed.
    Files.delete(input.resolve("科技统计2021-2023.xlsx"));
    workbook(Path.of("input"), input.resolve("科技统计2021-2023.xlsx"), "8.75");
    Jar.Result corrected = step(0, input, "run", "--year", "2023");
    assertThat(corrected.out()).contains("2.05 → 2.08");
    assertThat(changes(copy)).contains("2023-midterm,更正").contains(",2.05,2.08");
    assertThat(editions(pub)).containsExactly("edition-1");

    Jar.Result refused =
        step(ExitCodes.ALREADY_PUBLISHED, input, "publish", "--date", "2024-04-01");
    assertThat(refused.all()).contains("--reason");
    assertThat(editions(pub)).containsExactly("edition-1");

    step(0, input, "publish", "--date", "2024-04-01", "--reason", "2023年R&D经费支出更正");
    assertThat(editions(pub)).containsExactly("edition-1", "edition-2");
    String second = text(pub.resolve("edition-2").resolve(REGION + "-" + MIDTERM + ".pdf"));
    assertThat(second).contains("发布日期：2024年4月1日", "2.08%", "2023年R&D经费支出更正");
    assertThat(pub.resolve("edition-2/correction-notice.csv")).isRegularFile();

    Jar.Result verify = step(0, null, "verify");
    assertThat(verify.out()).contains("不一致 0 个");
  }

  @Test
  void aCitysYear() throws Exception {
    Path city = CityFixture.write(Path.of("."), tmp.resolve("city"), 2);
    Path plans = city.resolve("plans");
    out = tmp.resolve("output");
    state = tmp.resolve("state");
    review = tmp.resolve("review");
    String other = CityFixture.district(1)[0];

    // The sample (the city's extracts as CSV): review copies for both districts, no edition.
    step(0, city.resolve("input"), plans, "run", "--year", "2023");
    assertThat(review.resolve(REGION).resolve(MIDTERM)).isDirectory();
    assertThat(review.resolve(other).resolve(MIDTERM)).isDirectory();
    assertThat(out.resolve(REGION)).doesNotExist();
    assertThat(out.resolve(other)).doesNotExist();

    // The city's own workbook, 南川's commentary in its district folder.
    Path input = officeInput(city.resolve("input"), "8.62", Path.of("commentary", REGION));
    Jar.Result reviewed = step(0, input, plans, "run", "--year", "2023");
    assertThat(reviewed.out()).contains(REGION, other);
    assertThat(text(review.resolve(REGION + "/" + MIDTERM + "/" + REGION + "-" + MIDTERM + ".pdf")))
        .contains("前言", "2.05%");
    assertThat(text(review.resolve(other + "/" + MIDTERM + "/" + other + "-" + MIDTERM + ".pdf")))
        .doesNotContain("前言");

    step(0, input, plans, "publish", "--date", "2024-03-15");
    for (String d : List.of(REGION, other)) {
      assertThat(editions(out.resolve(d).resolve(MIDTERM))).containsExactly("edition-1");
      assertThat(text(out.resolve(d + "/" + MIDTERM + "/edition-1/" + d + "-" + MIDTERM + ".pdf")))
          .contains("发布日期：2024年3月15日");
    }

    // A corrected figure, for every district of the city's workbook.
    Files.delete(input.resolve("科技统计2021-2023.xlsx"));
    workbook(city.resolve("input"), input.resolve("科技统计2021-2023.xlsx"), "8.75");
    Jar.Result corrected = step(0, input, plans, "run", "--year", "2023");
    assertThat(corrected.out()).contains("2.05 → 2.08");
    assertThat(changes(review.resolve(other).resolve(MIDTERM))).contains(",2.05,2.08");

    step(ExitCodes.ALREADY_PUBLISHED, input, plans, "publish", "--date", "2024-04-01");
    step(0, input, plans, "publish", "--date", "2024-04-01", "--reason", "2023年R&D经费支出更正");
    for (String d : List.of(REGION, other)) {
      assertThat(editions(out.resolve(d).resolve(MIDTERM)))
          .containsExactly("edition-1", "edition-2");
    }
    assertThat(step(0, null, "verify").out()).contains("不一致 0 个");
  }
}
