package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.planreports.report.PublicationComposer;
import org.planreports.validation.RowRules;
import org.planreports.validation.StagedValue;

/**
 * A small extract prepared apart from the bundled data, whose companion-CSV figures were computed
 * by hand from METRICS.md (the arithmetic is in the comments), checked through the whole chain:
 * reading, validation, derivation, assessment and the companion CSV.
 */
class HandComputedTablesTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  private static Map<String, CSVRecord> table2(int year, PublicationType type) throws Exception {
    Path dir = Path.of("src/test/resources/fixtures/handcheck");
    InputSet input = InputSet.scan(dir);
    RowRules rules = new RowRules(PLAN);
    List<StagedValue> staged = new ArrayList<>();
    for (var f : input.files()) {
      for (var row : ExtractParser.parse(f.name(), Files.readAllBytes(f.path()), null)) {
        RowRules.Checked c = rules.check(row);
        assertThat(c.findings()).noneMatch(org.planreports.core.Finding::isError);
        if (c.value() != null) {
          staged.add(c.value());
        }
      }
    }
    var data = IndicatorDeriver.derive(PLAN, "500119", staged);
    var content =
        new PublicationComposer(PLAN, data, input.files())
            .compose(new PublicationKey("500119", year, type));
    String csv =
        new String(content.companions().get("table2.csv"), StandardCharsets.UTF_8).substring(1);
    var records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    Map<String, CSVRecord> bySeq = new java.util.HashMap<>();
    records.forEach(r -> bySeq.put(r.get("seq"), r));
    return bySeq;
  }

  /**
   * Mid-term 2023. Row 1: g_a = (6.9/5.0)^(1/3) − 1 = 11.33 % ≥ 10, r = 1.13. Row 2: the plan's
   * 1.74 stands (the extract's 2020 is 2.00); x = 6.9/300·100 = 2.30; C = 0.56/0.76 = 73.7 %; τ =
   * 3/5; S = 1.23; g_a = (2.30/1.74)^(1/3) − 1 = 9.75 %; x̂ = 2.30·1.0975² = 2.77; g_need =
   * (2.5/2.30)^(1/2) − 1 = 4.3 %. Row 4: 500 does not meet ">500"; C = 100.0 %, S = 1.67. Row 5:
   * the worked example of METRICS.md.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|2023|11.33||||1.13|达到时序进度",
        "2|2023|2.30|60.0|73.7|2.77|1.23|达到时序进度",
        "4|2023|500|60.0|100.0||1.67|达到时序进度",
        "5|2023|52|60.0|55.0|75|0.92|滞后于时序进度"
      })
  void shouldMatchTheHandComputedMidterm(
      String seq,
      String year,
      String value,
      String tau,
      String completion,
      String projection,
      String ratio,
      String status)
      throws Exception {
    CSVRecord r = table2(2023, PublicationType.MIDTERM).get(seq);
    assertThat(r.get("year")).isEqualTo(year);
    assertThat(r.get("value")).isEqualTo(value);
    assertThat(r.get("time_progress_pct")).isEqualTo(tau == null ? "" : tau);
    assertThat(r.get("completion_pct")).isEqualTo(completion == null ? "" : completion);
    if (projection != null) {
      assertThat(r.get("projection")).isEqualTo(projection);
    }
    assertThat(r.get("schedule_ratio")).isEqualTo(ratio);
    assertThat(r.get("status")).isEqualTo(status);
  }

  @org.junit.jupiter.api.Test
  void shouldNoteTheRevisedBaselineAndTheRequiredGrowth() throws Exception {
    CSVRecord r = table2(2023, PublicationType.MIDTERM).get("2");
    assertThat(r.get("baseline")).isEqualTo("1.74");
    assertThat(r.get("required_annual_growth_pct")).isEqualTo("4.3");
    assertThat(r.get("note")).contains("2.00");
  }

  /**
   * Annual 2022. Row 2: x = 61000万元 → 6.1亿元, 6.1/280·100 = 2.18; C = 0.44/0.76 = 57.9 %; τ = 2/5 =
   * 40.0 %; S = 1.45. Row 5: C = 14/40 = 35.0 %; S = 0.875 → 0.88, 滞后于时序进度. Row 4: no 2022 value,
   * so the 2020 base year is the data year: 数据不足.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2|2.18|40.0|57.9|1.45|达到时序进度", "5|44|40.0|35.0|0.88|滞后于时序进度", "4|259||||数据不足"})
  void shouldMatchTheHandComputedAnnualBulletin(
      String seq, String value, String tau, String completion, String ratio, String status)
      throws Exception {
    CSVRecord r = table2(2022, PublicationType.ANNUAL).get(seq);
    assertThat(r.get("value")).isEqualTo(value == null ? "" : value);
    assertThat(r.get("time_progress_pct")).isEqualTo(tau == null ? "" : tau);
    assertThat(r.get("completion_pct")).isEqualTo(completion == null ? "" : completion);
    assertThat(r.get("schedule_ratio")).isEqualTo(ratio == null ? "" : ratio);
    assertThat(r.get("status")).isEqualTo(status);
  }
}
