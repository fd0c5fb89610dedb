package org.planreports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.core.Finding;
import org.planreports.plan.PlanLoader;
import org.planreports.validation.RowRules;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Excel workbooks read like CSV extracts; every failure mode a finding with file, sheet, cell. */
class WorkbookReaderTest {

  static final List<String> HEADER = List.of("地区代码", "年份", "统计项代码", "数值", "单位", "数据来源");

  @TempDir Path dir;

  private Path workbook(String name, Consumer<XSSFWorkbook> fill) throws IOException {
    Path p = dir.resolve(name);
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(p)) {
      fill.accept(wb);
      wb.write(out);
    }
    return p;
  }

  private static XSSFSheet sheet(XSSFWorkbook wb, String name, List<?>... rows) {
    XSSFSheet s = wb.createSheet(name);
    for (int i = 0; i < rows.length; i++) {
      XSSFRow r = s.createRow(i);
      for (int j = 0; j < rows[i].size(); j++) {
        Object v = rows[i].get(j);
        if (v instanceof Number n) {
          r.createCell(j).setCellValue(n.doubleValue());
        } else if (v != null) {
          r.createCell(j).setCellValue(v.toString());
        }
      }
    }
    return s;
  }

  private static List<Finding> findings(List<RawRow> rows) {
    return rows.stream().flatMap(r -> r.problems().stream()).toList();
  }

  private static List<RawRow> data(List<RawRow> rows) {
    return rows.stream().filter(RawRow::hasCells).toList();
  }

  @Test
  void shouldReadEverySheetWithTheHeaderAndKeepDecimalsExact() throws IOException {
    Path p =
        workbook(
            "2023.xlsx",
            wb -> {
              sheet(
                  wb,
                  "区统计局",
                  HEADER,
                  List.of("500119", 2023, "RD_EXP", 86200, "万元", "区统计局"),
                  List.of(),
                  List.of("500119", 2023, "RD_INTENSITY_X", 1.28, "%", "区统计局"),
                  List.of("500119", 2023, "NOISE", 0.1 + 0.2, "", ""));
              sheet(
                  wb,
                  "区科技局",
                  List.of("region_code", "year", "item_code", "value", "unit"),
                  List.of("500119", 2022, "ENT_HNTE", 52, "家"));
            });

    List<RawRow> rows = WorkbookReader.read("2023.xlsx", p);

    assertThat(findings(rows)).isEmpty();
    assertThat(data(rows))
        .extracting(r -> r.line() + " " + r.cell("item_code") + "=" + r.cell("value"))
        .containsExactly("2 RD_EXP=86200", "4 RD_INTENSITY_X=1.28", "5 NOISE=0.3", "2 ENT_HNTE=52");
    assertThat(data(rows).get(0).cell("year")).isEqualTo("2023");
    assertThat(data(rows).get(0).file()).isEqualTo("2023.xlsx");
    assertThat(data(rows).get(0).where("value")).isEqualTo("区统计局!D");
    assertThat(data(rows).get(3).where("unit")).isEqualTo("区科技局!E");
  }

  @Test
  void shouldUseTheCachedValueOfAFormulaNeverEvaluatingIt() throws IOException {
    Path p =
        workbook(
            "f.xlsx",
            wb -> {
              XSSFSheet s = sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "RD_EXP"));
              var c = s.getRow(1).createCell(3);
              c.setCellFormula("1+1");
              c.setCellValue(86200.5); // the result Excel saved, not what 1+1 would give
              var t = s.getRow(1).createCell(4);
              t.setCellFormula("\"万\"&\"元\"");
              t.setCellValue("万元");
            });

    RawRow row = data(WorkbookReader.read("f.xlsx", p)).get(0);

    assertThat(row.cell("value")).isEqualTo("86200.5");
    assertThat(row.cell("unit")).isEqualTo("万元");
  }

  @Test
  void shouldReportACellErrorWithSheetRowAndColumnLetter() throws IOException {
    Path p =
        workbook(
            "e.xlsx",
            wb -> {
              XSSFSheet s = sheet(wb, "数据", HEADER, List.of("500119", 2023, "RD_EXP"));
              var c = s.getRow(1).createCell(3);
              c.setCellFormula("1/0");
              c.setCellErrorValue(FormulaError.DIV0);
            });

    List<Finding> f = findings(WorkbookReader.read("e.xlsx", p));

    assertThat(f)
        .extracting(
            x -> x.code() + " " + x.file() + ":" + x.line() + " " + x.column() + " " + x.text())
        .containsExactly("E_CELL_ERROR e.xlsx:2 数据!D #DIV/0!");
    assertThat(f.get(0).isError()).isTrue();
    assertThat(f.get(0).message()).contains("#DIV/0!");
  }

  @Test
  void shouldSkipASheetWithoutHeaderNamingItButNotTheExplanationOrAnEmptySheet()
      throws IOException {
    Path p =
        workbook(
            "s.xlsx",
            wb -> {
              sheet(wb, "封面", List.of("2023年科技统计表"), HEADER);
              sheet(wb, "说明", List.of("列", "填写说明"));
              wb.createSheet("Sheet3");
              sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "RD_EXP", 1, "万元"));
            });

    List<RawRow> rows = WorkbookReader.read("s.xlsx", p);

    assertThat(findings(rows))
        .extracting(x -> x.code() + " " + x.column() + " " + x.text())
        .containsExactly("W_SHEET_SKIPPED 封面!1 2023年科技统计表");
    assertThat(findings(rows).get(0).message()).contains("封面");
    assertThat(data(rows)).hasSize(1);
  }

  @Test
  void shouldRefuseAWorkbookWithoutAnyHeaderSheet() throws IOException {
    Path p = workbook("n.xlsx", wb -> sheet(wb, "说明", List.of("x")));

    assertThat(findings(WorkbookReader.read("n.xlsx", p)))
        .extracting(Finding::code)
        .containsExactly("E_EMPTY");
  }

  @Test
  void shouldShowAPercentCellAsPercentAndADateAsIsoDate() throws IOException {
    Path p =
        workbook(
            "p.xlsx",
            wb -> {
              XSSFSheet s = sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "X", 0.125, "%"));
              var pct = wb.createCellStyle();
              pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
              s.getRow(1).getCell(3).setCellStyle(pct);
              var date = wb.createCellStyle();
              date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
              var y = s.getRow(1).getCell(1);
              y.setCellValue(java.time.LocalDate.of(2023, 12, 31));
              y.setCellStyle(date);
            });

    RawRow row = data(WorkbookReader.read("p.xlsx", p)).get(0);

    assertThat(row.cell("value")).isEqualTo("12.5%");
    assertThat(row.cell("year")).isEqualTo("2023-12-31");
  }

  @Test
  void shouldNameTheCellInTheRowRulesFindings() throws IOException {
    Path p =
        workbook(
            "r.xlsx",
            wb ->
                sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "RD_EXP", "八万", "万元", "区统计局")));
    RawRow row = data(WorkbookReader.read("r.xlsx", p)).get(0);

    var checked = new RowRules(PlanLoader.loadDefault()).check(row);

    assertThat(checked.findings())
        .extracting(x -> x.code() + " " + x.file() + ":" + x.line() + " " + x.column())
        .containsExactly("E_NUMBER r.xlsx:2 Sheet1!D", "W_UNIT_CONVERTED r.xlsx:2 Sheet1!E");
  }

  @Test
  void shouldRefuseAnEncryptedWorkbook() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      sheet(wb, "Sheet1", HEADER);
      wb.write(plain);
    }
    Path p = dir.resolve("secret.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("密码");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(plain.toByteArray());
      }
      try (OutputStream out = Files.newOutputStream(p)) {
        fs.writeFilesystem(out);
      }
    }

    assertThat(findings(WorkbookReader.read("secret.xlsx", p)))
        .extracting(x -> x.code() + " " + x.file() + ":" + x.line())
        .containsExactly("E_WORKBOOK_ENCRYPTED secret.xlsx:0");
  }

  @Test
  void shouldRefuseAnOldXlsNamedXlsxAndAFileThatIsNoWorkbook() throws IOException {
    Path xls = dir.resolve("old.xlsx");
    try (HSSFWorkbook wb = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(xls)) {
      wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("地区代码");
      wb.write(out);
    }
    Path text = Files.writeString(dir.resolve("text.xlsx"), String.join(",", HEADER));

    assertThat(findings(WorkbookReader.read("old.xlsx", xls)))
        .extracting(x -> x.code() + " " + x.message())
        .containsExactly("E_WORKBOOK_FORMAT 文件名是 .xlsx，内容却是旧版 Excel 97-2003 格式");
    assertThat(findings(WorkbookReader.read("text.xlsx", text)))
        .extracting(Finding::code)
        .containsExactly("E_WORKBOOK_FORMAT");
  }

  /** A workbook POI writes, with one part replaced by {@code part}'s bytes (streamed in). */
  private Path replacing(String name, String entry, Consumer<OutputStream> part)
      throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "RD_EXP", 1, "万元"));
      wb.write(plain);
    }
    Path p = dir.resolve(name);
    try (ZipInputStream in =
            new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
      boolean replaced = false;
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(entry)) {
          part.accept(out);
          replaced = true;
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      if (!replaced) {
        out.putNextEntry(new ZipEntry(entry));
        part.accept(out);
        out.closeEntry();
      }
    }
    return p;
  }

  private static void write(OutputStream out, String s) {
    try {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldRefuseAZipBombedSheet() throws IOException {
    // 64 MiB of one repeated row compress to ~100 KiB: far beyond the 1 % inflate ratio.
    Path p =
        replacing(
            "bomb.xlsx",
            "xl/worksheets/sheet1.xml",
            out -> {
              write(
                  out,
                  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
              StringBuilder header = new StringBuilder("<row>");
              for (String h : HEADER) {
                header.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
              }
              write(out, header + "</row>");
              String row = "<row><c t=\"inlineStr\"><is><t>500119</t></is></c></row>";
              byte[] b = row.repeat(1000).getBytes(StandardCharsets.UTF_8);
              for (long n = 0; n < (64L << 20) / b.length; n++) {
                try {
                  out.write(b);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
              write(out, "</sheetData></worksheet>");
            });
    assertThat(Files.size(p)).isLessThan(2L << 20);

    List<Finding> f = findings(WorkbookReader.read("bomb.xlsx", p));

    assertThat(f).extracting(x -> x.code() + " " + x.line()).containsExactly("E_WORKBOOK_LIMIT 0");
    assertThat(f.get(0).message()).contains("压缩炸弹");
  }

  @Test
  void shouldRefuseHugeSharedStrings() throws IOException {
    Path p =
        replacing(
            "sst.xlsx",
            "xl/sharedStrings.xml",
            out -> {
              write(
                  out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
              // Varied strings: compress like text, not like a bomb.
              var random = new java.util.Random(22);
              for (int i = 0; i < 20_000; i++) {
                write(out, "<si><t>" + Long.toString(random.nextLong(), 36) + "</t></si>");
              }
              write(out, "</sst>");
            });
    var limits = new WorkbookLimits(64L << 20, 512L << 20, 100_000, 8L << 20, 1000, 0.01);

    List<RawRow> rows = new ArrayList<>();
    try (WorkbookReader r = WorkbookReader.open("sst.xlsx", p, limits)) {
      r.forEachRemaining(rows::add);
    }

    assertThat(findings(rows))
        .extracting(x -> x.code() + " " + x.message())
        .containsExactly("E_WORKBOOK_LIMIT 共享字符串表解压后超过上限 0.1 MB，未读取（可能是恶意构造的文件）");
  }

  @Test
  void shouldStopAtTheRowLimit() throws IOException {
    List<?>[] many = new List<?>[13];
    many[0] = HEADER;
    for (int i = 1; i < many.length; i++) {
      many[i] = List.of("500119", 2023, "RD_EXP", i, "万元");
    }
    Path p = workbook("rows.xlsx", wb -> sheet(wb, "Sheet1", many));
    var limits = new WorkbookLimits(64L << 20, 512L << 20, 1 << 20, 1 << 20, 10, 0.01);

    List<RawRow> rows = new ArrayList<>();
    try (WorkbookReader r = WorkbookReader.open("rows.xlsx", p, limits)) {
      r.forEachRemaining(rows::add);
    }

    assertThat(data(rows)).hasSize(10);
    assertThat(findings(rows)).extracting(Finding::code).containsExactly("E_WORKBOOK_LIMIT");
    assertThat(findings(rows).get(0).message()).contains("10");
  }

  @Test
  void shouldNameEveryOtherFileOfTheInputFolderAndLeaveThemOutOfTheDigest() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "region_code,year,item_code,value,unit\n");
    String before = InputSet.scan(dir).digest();
    Files.writeString(dir.resolve("notes.txt"), "x");
    Files.writeString(dir.resolve("old.xls"), "x");
    Files.writeString(dir.resolve("~$2023.xlsx"), "owner");
    Files.writeString(dir.resolve(".DS_Store"), "x");
    Files.writeString(dir.resolve("._a.csv"), "\0\0mac resource fork");
    Files.writeString(dir.resolve("README.md"), "x");
    Files.createDirectories(dir.resolve("commentary"));

    InputSet set = InputSet.scan(dir);

    assertThat(set.digest()).isEqualTo(before);
    assertThat(set.files()).extracting(InputFile::name).containsExactly("a.csv");
    ExtractReader reader = new ExtractReader(set, null);
    reader.open(new ExecutionContext());
    List<Finding> f = new ArrayList<>();
    for (RawRow r = reader.read(); r != null; r = reader.read()) {
      f.addAll(r.problems());
    }
    reader.close();
    assertThat(f)
        .extracting(x -> x.code() + " " + x.file())
        .containsExactly(
            "E_EMPTY a.csv",
            "W_OTHER_FILE notes.txt",
            "E_WORKBOOK_FORMAT old.xls",
            "W_LOCK_FILE ~$2023.xlsx");
    assertThat(f.get(3).message()).contains("2023.xlsx");
  }

  @Test
  void shouldPutAWorkbookInTheDigestAndSeeItChange() throws IOException {
    workbook(
        "2023.xlsx", wb -> sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "RD_EXP", 1, "万元")));
    InputSet set = InputSet.scan(dir);
    assertThat(set.files()).extracting(InputFile::name).containsExactly("2023.xlsx");

    workbook(
        "2023.xlsx", wb -> sheet(wb, "Sheet1", HEADER, List.of("500119", 2023, "RD_EXP", 2, "万元")));
    // (POI's bytes for the same content may differ; the value did change here anyway.)
    assertThat(InputSet.scan(dir).digest()).isNotEqualTo(set.digest());

    // The run that started on the old bytes sees the file changed.
    ExtractReader reader = new ExtractReader(set, null);
    reader.open(new ExecutionContext());
    List<Finding> f = new ArrayList<>();
    for (RawRow r = reader.read(); r != null; r = reader.read()) {
      f.addAll(r.problems());
    }
    reader.close();
    assertThat(f).extracting(Finding::code).containsExactly("E_CHANGED");
  }

  @Test
  void shouldWriteColumnLettersPastZ() {
    assertThat(WorkbookReader.letters(0)).isEqualTo("A");
    assertThat(WorkbookReader.letters(25)).isEqualTo("Z");
    assertThat(WorkbookReader.letters(26)).isEqualTo("AA");
    assertThat(WorkbookReader.column("AB12")).isEqualTo(27);
    assertThat(WorkbookReader.decimal("2.5299999999999998")).isEqualTo("2.53");
    assertThat(WorkbookReader.decimal("1.28")).isEqualTo("1.28");
    assertThat(WorkbookReader.decimal("2000")).isEqualTo("2000");
    assertThat(WorkbookReader.decimal("1.0000000000000001E-3")).isEqualTo("0.001");
  }

  @Test
  void shouldRefuseAFormulaSavedWithoutItsResult() throws IOException {
    StringBuilder header = new StringBuilder("<row r=\"1\">");
    for (int i = 0; i < HEADER.size(); i++) {
      header
          .append("<c r=\"")
          .append(WorkbookReader.letters(i))
          .append("1\" t=\"inlineStr\"><is><t>")
          .append(HEADER.get(i))
          .append("</t></is></c>");
    }
    Path p =
        replacing(
            "nf.xlsx",
            "xl/worksheets/sheet1.xml",
            out ->
                write(
                    out,
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<sheetData>"
                        + header
                        + "</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>500119</t></is></c>"
                        + "<c r=\"D2\"><f>B2*2</f></c></row></sheetData></worksheet>"));

    assertThat(findings(WorkbookReader.read("nf.xlsx", p)))
        .extracting(x -> x.code() + " " + x.line() + " " + x.column())
        .containsExactly("E_FORMULA_NO_VALUE 2 Sheet1!D");
  }
}
