package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel template and Excel extracts as an office uses them, each command run as the jar runs it
 * once started ({@link InProcess}): write the template, fill in a year, put it in the input folder
 * beside the CSV files.
 */
class ExcelIT {

  @TempDir Path tmp;

  /** Fills the template's {@code year} column with the bundled sample figures of that year. */
  private static void fill(Path template, Path target, int year, boolean divByZero)
      throws Exception {
    Map<String, String[]> sample = new HashMap<>();
    for (String line :
        Files.readAllLines(
            Path.of("input/nanchuan-" + year + "-sample.csv"), StandardCharsets.UTF_8)) {
      String[] f = line.split(",", -1);
      sample.put(f[2], f);
    }
    try (InputStream in = Files.newInputStream(template);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      XSSFSheet s = wb.getSheet("数据");
      var header = s.getRow(0);
      int col = -1;
      int source = -1;
      for (int i = 0; i < header.getLastCellNum(); i++) {
        String h = header.getCell(i).getStringCellValue();
        col = h.equals(year + "年") ? i : col;
        source = h.equals("数据来源") ? i : source;
      }
      for (int r = 1; r <= s.getLastRowNum(); r++) {
        var row = s.getRow(r);
        String[] f = sample.get(row.getCell(1).getStringCellValue());
        if (f == null) {
          continue;
        }
        var c = row.createCell(col);
        if (f[2].equals("RD_EXP") && divByZero) {
          c.setCellFormula("1/0");
          c.setCellErrorValue(FormulaError.DIV0);
        } else if (f[3].matches("[0-9.]+")) {
          c.setCellValue(Double.parseDouble(f[3]));
        } else {
          c.setCellValue(f[3]);
        }
        row.createCell(source).setCellValue(f[5]);
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        wb.write(out);
      }
    }
  }

  private static List<String> tree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      // (the run lock, .plan-reports.lock, is the output folder's own)
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void shouldReadAFilledTemplateBesideTheCsvFilesAndNameAnOtherFile() throws Exception {
    Path template = tmp.resolve("模板.xlsx");
    Jar.Result written = InProcess.run(List.of("template", "--file", template.toString()));
    assertThat(written.exit()).as(written.all()).isZero();
    assertThat(written.out()).contains("Excel", "55");
    byte[] bytes = Files.readAllBytes(template);

    Jar.Result again = InProcess.run(List.of("template", "--file", template.toString()));
    assertThat(again.exit()).isEqualTo(2);
    assertThat(Files.readAllBytes(template)).isEqualTo(bytes);

    Path input = Jar.inputBefore2023(tmp.resolve("input"));
    fill(template, input.resolve("2023.xlsx"), 2023, false);
    Files.writeString(input.resolve("说明.txt"), "not data");
    Files.createDirectories(input.resolve("commentary"));

    Jar.Result r =
        InProcess.run(
            List.of(
                "validate",
                "--input",
                input.toString(),
                "--output",
                tmp.resolve("out").toString(),
                "--state",
                tmp.resolve("state").toString()));

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.all()).contains("说明.txt").doesNotContain("2023.xlsx");
    String report =
        Files.readString(
            tmp.resolve("out/validation/validation-report.csv"), StandardCharsets.UTF_8);
    assertThat(report).contains("W_OTHER_FILE").doesNotContain("E_");
  }

  @Test
  void shouldRefuseACellErrorNamingSheetRowAndColumnAndPublishNothing() throws Exception {
    Path template = tmp.resolve("t.xlsx");
    assertThat(InProcess.run(List.of("template", "--file", template.toString())).exit()).isZero();
    Path input = Jar.inputBefore2023(tmp.resolve("input"));
    fill(template, input.resolve("2023.xlsx"), 2023, true);
    Path out = tmp.resolve("out");

    Jar.Result r =
        InProcess.run(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--state",
                tmp.resolve("state").toString()));

    assertThat(r.exit()).as(r.all()).isEqualTo(3);
    // RD_EXP's row of the template, the 2023 column (I: region, code, name, unit, 2015, 2020–2022).
    assertThat(r.all()).contains("2023.xlsx:").contains("[数据!I]").contains("#DIV/0!");
    assertThat(tree(out))
        .containsExactly("validation/validation-report.csv", "validation/validation-report.txt");
  }
}
