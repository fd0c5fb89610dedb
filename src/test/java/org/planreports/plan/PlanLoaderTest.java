package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanLoaderTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  @Test
  void shouldDescribeTheNanchuanPlanPeriod() {
    PlanMeta m = PLAN.meta();
    assertThat(m.regionCode()).isEqualTo("500119");
    assertThat(List.of(m.previousBaseYear(), m.baseYear(), m.midYear(), m.finalYear()))
        .containsExactly(2015, 2020, 2023, 2025);
  }

  @Test
  void shouldHoldEveryTableOfThePlan() {
    assertThat(PLAN.rows("表1")).hasSize(9);
    assertThat(PLAN.rows("表2")).hasSize(12);
    assertThat(PLAN.rows("专栏1")).hasSize(8);
    assertThat(PLAN.rows("其他量化目标")).hasSize(11);
  }

  /** 表1 as the plan prints it (TARGETS.md, plan lines 54–117). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|科技进步贡献率（%）",
        "2|全社会研发投入(R&D)占GDP比重（%）",
        "3|规模以上工业企业建立研发机构占比（%）",
        "4|国家高新技术企业（家）",
        "5|重庆市科技型企业（家）",
        "6|市级以上创新平台（个）",
        "7|有效发明专利拥有量（件）",
        "8|每万人口发明专利拥有量（件）",
        "9|科普基地（个）"
      })
  void shouldNameTable1RowsAsPrinted(int seq, String name) {
    assertThat(PLAN.rows("表1").get(seq - 1).printedName()).isEqualTo(name);
  }

  /** 表2 as the plan prints it: name, 2020年现状值, 2025年目标值, 年均, 属性, comparator, target. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|全社会研发经费投入增长（%）|—|—|≥10|预期性|GROWTH|GE|10",
        "2|全社会研发投入(R&D)占GDP比重（%）|1.74|2.5|—|预期性|LEVEL|GE|2.5",
        "3|每万名就业人员中研发人员（人年）|—|75|—|预期性|LEVEL|GE|75",
        "4|重庆市科技型企业（家）|259|>500|—|预期性|LEVEL|GT|500",
        "5|国家高新技术企业（家）|30|>70|—|预期性|LEVEL|GT|70",
        "6|万人发明专利拥有量（件）|3.43|>9|—|预期性|LEVEL|GT|9",
        "7|规模以上工业企业研发经费支出占营业收入之比（%）|2.39|3|—|预期性|LEVEL|GE|3",
        "8|技术合同交易额（亿元）|—|1|—|预期性|LEVEL|GE|1",
        "9|规模以上工业产值中战略性新兴产业占比（%)|—|35|—|预期性|LEVEL|GE|35",
        "10|规模以上工业产值中高技术产业产值占比（%)|—|30|—|预期性|LEVEL|GE|30",
        "11|公民具备科学素质的比例（%）|8.4|15|—|预期性|LEVEL|GE|15",
        "12|科技进步贡献率（%）|50|63|—|预期性|LEVEL|GE|63"
      })
  void shouldTranscribeTable2AsPrinted(
      int seq,
      String name,
      String baseline,
      String target,
      String annual,
      String attribute,
      Kind kind,
      Comparator comparator,
      BigDecimal value) {
    CatalogueRow row = PLAN.rows("表2").get(seq - 1);
    assertThat(row.seq()).isEqualTo(seq);
    assertThat(row.printedName()).isEqualTo(name);
    assertThat(row.baselinePrinted()).isEqualTo(baseline);
    assertThat(row.targetPrinted()).isEqualTo(target);
    assertThat(row.annualPrinted()).isEqualTo(annual);
    assertThat(row.attribute().label()).isEqualTo(attribute);
    assertThat(row.kind()).isEqualTo(kind);
    assertThat(row.comparator()).isEqualTo(comparator);
    assertThat(row.targetValue()).isEqualByComparingTo(value);
    assertThat(row.targetYear()).isEqualTo(2025);
  }

  @Test
  void shouldDateTheHighTechZoneTargetsTo2023() {
    assertThat(PLAN.rows("专栏1").stream().limit(7).map(CatalogueRow::targetYear)).containsOnly(2023);
    assertThat(PLAN.rows("专栏1").get(7).kind()).isEqualTo(Kind.MILESTONE);
    assertThat(PLAN.rows("专栏1").get(7).targetValue()).isEqualByComparingTo("2026");
  }

  @Test
  void shouldGiveEveryFormulaIndicatorADirectCode() {
    assertThat(PLAN.indicators().values()).anyMatch(ind -> !ind.formula().isSingleItem());
    for (Indicator ind : PLAN.indicators().values()) {
      if (!ind.formula().isSingleItem()) {
        assertThat(ind.direct()).as(ind.code()).isNotNull();
        assertThat(PLAN.item(ind.direct().code())).as(ind.code()).isPresent();
      }
      for (String item : ind.formula().items()) {
        assertThat(PLAN.item(item)).as(ind.code() + " uses " + item).isPresent();
      }
    }
  }

  @Test
  void shouldKeepRelativeBaselineFromPlanText() {
    CatalogueRow gap =
        PLAN.rows("其他量化目标").stream()
            .filter(r -> r.kind() == Kind.RELATIVE)
            .findFirst()
            .orElseThrow();
    assertThat(gap.publishedBaseline()).isEqualByComparingTo("-0.37");
    assertThat(gap.baselineYear()).isEqualTo(2020);
    assertThat(gap.sourceLine()).isEqualTo(441);
  }

  @Test
  void shouldDigestTheCatalogueFiles() {
    assertThat(PLAN.digest()).hasSize(64).isEqualTo(PlanLoader.loadDefault().digest());
  }

  /** The names check-plan keeps table CSVs from are the files the tool writes into an edition. */
  @Test
  void shouldReserveEveryFileTheToolWritesBesideTheTables() {
    assertThat(PlanLoader.TOOL_FILES)
        .contains(
            org.planreports.publication.Manifest.FILE,
            org.planreports.publication.CorrectionNotice.CSV,
            org.planreports.validation.ValidationReport.CSV,
            org.planreports.validation.ValidationReport.TEXT,
            org.planreports.report.ProvenanceCsv.FILE,
            org.planreports.publication.DataPackage.FILE);
    assertThat(org.planreports.validation.ValidationReport.CSV).startsWith(PlanLoader.TOOL_PREFIX);
  }

  /** Every text of the bundled plan and the fixture plans is drawn by the bundled fonts. */
  @Test
  void shouldFindEveryPrintedTextOfTheKnownPlansDrawable() {
    // A plan with a text the fonts cannot draw fails to load; the texts seen show the check ran.
    List<String> checked = new java.util.ArrayList<>();
    java.util.function.ToIntFunction<String> check =
        text -> {
          checked.add(text);
          return org.planreports.core.Glyphs.firstUndrawable(text);
        };
    PlanLoader.loadDefault(check);
    assertThat(checked).contains(PLAN.meta().title());
    for (String bundle : List.of("scheme-2027", "district-binding", "zone-news")) {
      checked.clear();
      Plan plan =
          PlanLoader.load(
              java.nio.file.Path.of("src/test/resources/fixtures/plans", bundle, "plan.properties"),
              check);
      assertThat(checked).as(bundle).contains(plan.meta().title());
    }
  }
}
