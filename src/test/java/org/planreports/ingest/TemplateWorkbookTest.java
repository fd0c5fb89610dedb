package org.planreports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.core.Finding;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.ReportedStatus;
import org.planreports.validation.RowRules;

class TemplateWorkbookTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  @TempDir Path dir;

  @Test
  void shouldWriteTheSameBytesTwice() {
    assertThat(TemplateWorkbook.write(PLAN)).isEqualTo(TemplateWorkbook.write(PLAN));
  }

  @Test
  void shouldHaveChineseHeadersEveryItemTheYearsAndTheStatusList() throws IOException {
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(TemplateWorkbook.write(PLAN)))) {
      XSSFSheet data = wb.getSheetAt(0);
      assertThat(wb.getSheetName(0)).isEqualTo("数据");
      assertThat(wb.getSheetName(1)).isEqualTo("说明");
      List<String> header = TemplateWorkbook.headings(PLAN);
      assertThat(header).startsWith("地区代码", "统计项代码", "统计项名称", "单位", "2015年", "2020年", "2021年");
      assertThat(header).endsWith("2025年", "数据来源", "数据状态", "备注");
      for (int i = 0; i < header.size(); i++) {
        assertThat(data.getRow(0).getCell(i).getStringCellValue()).isEqualTo(header.get(i));
      }
      assertThat(data.getLastRowNum()).isEqualTo(PLAN.items().size());
      Item first = PLAN.items().values().iterator().next();
      assertThat(data.getRow(1).getCell(1).getStringCellValue()).isEqualTo(first.code());
      assertThat(data.getRow(1).getCell(2).getStringCellValue()).isEqualTo(first.name());
      assertThat(data.getRow(1).getCell(3).getStringCellValue()).isEqualTo(first.unit());
      int status = header.indexOf("数据状态");
      assertThat(data.getDataValidations())
          .anySatisfy(
              v -> {
                DataValidationConstraint c = v.getValidationConstraint();
                assertThat(c.getExplicitListValues()).containsExactly("正式", "初步");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn())
                    .isEqualTo(status);
                assertThat(v.getRegions().getCellRangeAddress(0).getLastRow())
                    .isEqualTo(PLAN.items().size());
              });
      assertThat(wb.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).contains("500119");
    }
  }

  @Test
  void shouldParseCleanOnceFilledIn() throws IOException {
    Path p = dir.resolve("2023.xlsx");
    List<String> header = TemplateWorkbook.headings(PLAN);
    int y2022 = header.indexOf("2022年");
    int y2023 = header.indexOf("2023年");
    try (XSSFWorkbook wb =
            new XSSFWorkbook(new ByteArrayInputStream(TemplateWorkbook.write(PLAN)));
        OutputStream out = Files.newOutputStream(p)) {
      XSSFSheet data = wb.getSheetAt(0);
      int r = 1;
      for (Item item : PLAN.items().values()) {
        var row = data.getRow(r++);
        if (item.statusWord()) {
          row.getCell(y2023, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
              .setCellValue(ReportedStatus.IN_PROGRESS.label());
        } else if (item.min() != null && item.min().intValue() == 2000) {
          row.createCell(y2023).setCellValue(2023);
        } else {
          row.createCell(y2022).setCellValue(12);
          row.createCell(y2023).setCellValue(item.wholeNumber() ? 13 : 12.8);
        }
      }
      wb.write(out);
    }

    List<RawRow> rows = WorkbookReader.read("2023.xlsx", p);
    RowRules rules = new RowRules(PLAN);
    List<Finding> errors =
        rows.stream()
            .flatMap(row -> rules.check(row).findings().stream())
            .filter(Finding::isError)
            .toList();

    assertThat(errors).isEmpty();
    long statusItems = PLAN.items().values().stream().filter(Item::statusWord).count();
    long yearItems =
        PLAN.items().values().stream()
            .filter(i -> !i.statusWord() && i.min() != null && i.min().intValue() == 2000)
            .count();
    assertThat(rows).hasSize((int) (2 * PLAN.items().size() - statusItems - yearItems));
    RawRow some = rows.stream().filter(x -> x.cell("year").equals("2023")).findFirst().get();
    assertThat(some.cell("status")).isEqualTo("正式");
    assertThat(some.cell("region_code")).isEqualTo("500119");
    assertThat(some.where("value")).isEqualTo("数据!" + WorkbookReader.letters(y2023));
    assertThat(rows)
        .filteredOn(x -> !PLAN.item(x.cell("item_code")).get().statusWord())
        .filteredOn(x -> x.cell("year").equals("2023"))
        .extracting(x -> x.cell("value"))
        .containsOnly("12.8", "13", "2023");
  }

  @Test
  void shouldWarnAboutAYearHeadingInALongSheet() throws IOException {
    Path p = dir.resolve("long.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(p)) {
      var s = wb.createSheet("Sheet1");
      List<String> h = List.of("地区代码", "年份", "统计项代码", "数值", "单位", "2023年");
      var top = s.createRow(0);
      for (int i = 0; i < h.size(); i++) {
        top.createCell(i).setCellValue(h.get(i));
      }
      wb.write(out);
    }

    assertThat(WorkbookReader.read("long.xlsx", p))
        .flatExtracting(RawRow::problems)
        .extracting(f -> f.code() + " " + f.column())
        .containsExactly("W_EXTRA_COLUMN Sheet1!F", "E_EMPTY ");
  }
}
