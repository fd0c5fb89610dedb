package org.planreports.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.planreports.core.Messages;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.ReportedStatus;

/**
 * The Excel template of a plan (docs/input.md “Excel workbooks”): a sheet 数据 with one row per item
 * of the plan — region, code, Chinese name, unit, a column per year of the plan, source, status,
 * note — under the Chinese headers the parser reads back ({@link WorkbookReader}'s wide sheet), the
 * status words as a drop-down list, and a sheet 说明 explaining the columns. The same plan gives the
 * same bytes: fixed document properties and zip entry times.
 */
public final class TemplateWorkbook {

  private static final Messages WORDS = Messages.bundle("workbook");
  private static final Messages INPUT = Messages.bundle("input");

  /** The time of every zip entry and of the document properties: fixed, never the clock. */
  private static final LocalDateTime FIXED = LocalDateTime.of(2021, 1, 1, 0, 0);

  private TemplateWorkbook() {}

  /** The years the template has a column for: the plan's previous base year, base year to final. */
  public static List<Integer> years(Plan plan) {
    List<Integer> years = new ArrayList<>();
    var m = plan.meta();
    if (m.previousBaseYear() != null) {
      years.add(m.previousBaseYear());
    }
    for (int y = m.baseYear(); y <= m.finalYear(); y++) {
      years.add(y);
    }
    return years;
  }

  /** The template's column headings, in order (the Chinese words the parser accepts). */
  public static List<String> headings(Plan plan) {
    List<String> h = new ArrayList<>();
    h.add(Columns.CHINESE.get(Columns.REGION));
    h.add(Columns.CHINESE.get(Columns.ITEM));
    h.add(WORDS.format("workbook.column.name"));
    h.add(Columns.CHINESE.get(Columns.UNIT));
    years(plan).forEach(y -> h.add(y + WORDS.format("workbook.year.suffix")));
    h.add(Columns.CHINESE.get(Columns.SOURCE));
    h.add(Columns.CHINESE.get(Columns.STATUS));
    h.add(Columns.CHINESE.get(Columns.NOTE));
    return h;
  }

  public static byte[] write(Plan plan) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      List<String> headings = headings(plan);
      List<Integer> years = years(plan);
      int firstYear = 4;
      int statusColumn = firstYear + years.size() + 1;

      XSSFCellStyle header = wb.createCellStyle();
      XSSFFont bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      XSSFCellStyle given = wb.createCellStyle();
      given.cloneStyleFrom(text);
      given.setFillForegroundColor(IndexedColors.LEMON_CHIFFON.getIndex());
      given.setFillPattern(FillPatternType.SOLID_FOREGROUND);

      XSSFSheet data = wb.createSheet(WORDS.format("workbook.sheet.data"));
      XSSFRow top = data.createRow(0);
      for (int i = 0; i < headings.size(); i++) {
        var c = top.createCell(i);
        c.setCellValue(headings.get(i));
        c.setCellStyle(header);
      }
      String finalWord = INPUT.format("input.status.final");
      int r = 1;
      List<Integer> statusRows = new ArrayList<>();
      for (Item item : plan.items().values()) {
        XSSFRow row = data.createRow(r);
        cell(row, 0, plan.meta().regionCode(), given);
        cell(row, 1, item.code(), given);
        cell(row, 2, item.name() == null ? "" : item.name(), given);
        cell(row, 3, item.unit(), given);
        cell(row, statusColumn, finalWord, text);
        for (int col = statusColumn - 1; col <= statusColumn + 1; col += 2) {
          row.createCell(col).setCellStyle(text);
        }
        if (item.statusWord()) {
          statusRows.add(r);
        }
        r++;
      }
      int last = r - 1;

      XSSFDataValidationHelper dv = new XSSFDataValidationHelper(data);
      var statusList =
          dv.createValidation(
              dv.createExplicitListConstraint(
                  new String[] {finalWord, INPUT.format("input.status.preliminary")}),
              new CellRangeAddressList(1, Math.max(1, last), statusColumn, statusColumn));
      statusList.setShowErrorBox(true);
      statusList.createErrorBox(
          WORDS.format("workbook.template.status.title"),
          WORDS.format("workbook.template.status.error"));
      data.addValidationData(statusList);
      String[] progress =
          java.util.Arrays.stream(ReportedStatus.values())
              .map(ReportedStatus::label)
              .toArray(String[]::new);
      for (int row : statusRows) {
        var words =
            dv.createValidation(
                dv.createExplicitListConstraint(progress),
                new CellRangeAddressList(row, row, firstYear, firstYear + years.size() - 1));
        words.setShowErrorBox(false);
        data.addValidationData(words);
      }
      data.createFreezePane(4, 1);
      int[] widths = {10, 18, 36, 8};
      for (int i = 0; i < headings.size(); i++) {
        int w = i < widths.length ? widths[i] : i >= statusColumn - 1 ? 14 : 11;
        data.setColumnWidth(i, w * 256);
      }
      data.setColumnWidth(statusColumn + 1, 30 * 256);

      XSSFSheet help = wb.createSheet(WorkbookReader.EXPLANATION_SHEET);
      int h = 0;
      XSSFRow helpTop = help.createRow(h++);
      cell(helpTop, 0, WORDS.format("workbook.template.help.column"), header);
      cell(helpTop, 1, WORDS.format("workbook.template.help.text"), header);
      List<String[]> lines = new ArrayList<>();
      lines.add(
          new String[] {
            Columns.CHINESE.get(Columns.REGION),
            WORDS.get("workbook.template.help.region", "region", plan.meta().regionCode())
          });
      lines.add(
          new String[] {
            Columns.CHINESE.get(Columns.ITEM), WORDS.format("workbook.template.help.item")
          });
      lines.add(
          new String[] {
            WORDS.format("workbook.column.name"), WORDS.format("workbook.template.help.name")
          });
      lines.add(
          new String[] {
            Columns.CHINESE.get(Columns.UNIT), WORDS.format("workbook.template.help.unit")
          });
      lines.add(
          new String[] {
            WORDS.get(
                "workbook.template.help.yearcolumns",
                "first",
                years.get(0),
                "last",
                years.get(years.size() - 1)),
            WORDS.get("workbook.template.help.years", "words", ReportedStatus.expectedWords())
          });
      lines.add(
          new String[] {
            Columns.CHINESE.get(Columns.SOURCE), WORDS.format("workbook.template.help.source")
          });
      lines.add(
          new String[] {
            Columns.CHINESE.get(Columns.STATUS),
            WORDS.get(
                "workbook.template.help.status",
                "final",
                finalWord,
                "preliminary",
                INPUT.format("input.status.preliminary"))
          });
      lines.add(
          new String[] {
            Columns.CHINESE.get(Columns.NOTE), WORDS.format("workbook.template.help.note")
          });
      lines.add(new String[] {"", ""});
      for (String key :
          List.of(
              "workbook.template.help.general.1",
              "workbook.template.help.general.2",
              "workbook.template.help.general.3",
              "workbook.template.help.general.4")) {
        lines.add(new String[] {"", WORDS.format(key)});
      }
      for (String[] line : lines) {
        XSSFRow row = help.createRow(h++);
        cell(row, 0, line[0], null);
        cell(row, 1, line[1], null);
      }
      help.setColumnWidth(0, 20 * 256);
      help.setColumnWidth(1, 100 * 256);

      var props = wb.getProperties().getCoreProperties();
      Date fixed = Date.from(FIXED.toInstant(ZoneOffset.UTC));
      props.setCreated(Optional.of(fixed));
      props.setModified(Optional.of(fixed));
      props.setCreator("plan-reports");
      props.setTitle(plan.meta().shortTitle());
      wb.setActiveSheet(0);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return fixedTimes(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cell(XSSFRow row, int column, String value, CellStyle style) {
    var c = row.createCell(column);
    c.setCellValue(value);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  /** The same zip with every entry's time fixed, in the same order: no clock in the bytes. */
  private static byte[] fixedTimes(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(FIXED);
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
