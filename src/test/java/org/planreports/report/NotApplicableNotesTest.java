package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;

/**
 * A table prints only the notes and the unit that apply to its rows: no "单位：—" and no 完成进度 formula
 * over a qualitative-only table, no "0个单年增速中有0个", and "按现价计算" only for a money series (by the
 * item's unit, not its name).
 */
class NotApplicableNotesTest {

  private static final Path PLANS = Path.of("src/test/resources/fixtures/plans");

  private static PublicationContent compose(PublicationFixtures f, PublicationType type) {
    PublicationKey key =
        PublicationPlanner.supported(f.plan, f.data).stream()
            .filter(k -> k.type().equals(type))
            .reduce((a, b) -> b)
            .orElseThrow();
    return f.builder.compose(key);
  }

  private static PublicationFixtures plan(String name) {
    Path dir = PLANS.resolve(name);
    return PublicationFixtures.read(
        dir.resolve("extracts"), PlanLoader.load(dir.resolve("plan.properties")));
  }

  private static List<Section> tables(PublicationContent c) {
    return c.sections().stream().filter(s -> s.template().equals("assessment-table")).toList();
  }

  private static String text(PublicationContent c) {
    StringBuilder sb = new StringBuilder();
    for (Section s : c.sections()) {
      sb.append(s.params()).append(s.rows());
    }
    return sb.toString();
  }

  @Test
  void shouldPrintNoUnitAndNoFormulaOverAQualitativeOnlyTable() {
    PublicationFixtures f = plan("zone-news");
    for (PublicationType type :
        List.of(PublicationType.ANNUAL, PublicationType.MIDTERM, PublicationType.FINAL)) {
      List<Section> tables = tables(compose(f, type));
      Section numbers = tables.get(0);
      Section tasks = tables.get(tables.size() - 1);
      assertThat(numbers.params().get("NOTES").toString()).contains("完成进度 =");
      assertThat(tasks.params().get("NOTES").toString()).doesNotContain("完成进度 =");
      assertThat(tasks.params().get("NOTES").toString()).doesNotContain("时序进度 =");
      assertThat(tasks.params().get("UNIT").toString()).isEmpty();
    }
  }

  @Test
  void shouldSayCurrentPricesOnlyOfMoneyAndNoEmptySingleYearCount() {
    String district = text(compose(plan("district-binding"), PublicationType.FINAL));
    assertThat(district).contains("年均增长12.5%");
    assertThat(district).doesNotContain("0个单年增速中有0个");
    assertThat(district).doesNotContain("按现价计算");
    assertThat(district).doesNotContain("，，");
    // 南川's growth target is on R&D spending, in 亿元: at current prices.
    PublicationFixtures nanchuan = PublicationFixtures.read(PublicationFixtures.BUNDLED);
    String midterm = text(compose(nanchuan, PublicationType.MIDTERM));
    assertThat(midterm).contains("按现价计算").contains("数列按现价计算").doesNotContain("，，");
  }

  /** The publications that print a 表1 (the previous plan's results), each with its 表1s. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> withTable1()
      throws java.io.IOException {
    List<org.junit.jupiter.params.provider.Arguments> with =
        PageScanTest.publications()
            .filter(
                a ->
                    !table1s((PublicationFixtures) a.get()[1], (PublicationKey) a.get()[2])
                        .isEmpty())
            .toList();
    assertThat(with).isNotEmpty();
    return with.stream();
  }

  private static List<Section> table1s(PublicationFixtures f, PublicationKey key) {
    return f.builder.compose(key).sections().stream()
        .filter(s -> s.template().equals("table1"))
        .toList();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("withTable1")
  void shouldExplainADashOnlyWhereOneIsPrinted(
      String name, PublicationFixtures f, PublicationKey key) {
    List<Section> tables = table1s(f, key);
    assertThat(tables).as(name).isNotEmpty();
    for (Section s : tables) {
      boolean dash = s.rows().stream().anyMatch(r -> "-".equals(r.get("v1_i")));
      assertThat(s.params().get("NOTES").toString().contains("“-”"))
          .as("%s: the note on “-” in %s", name, s.params().get("CAPTION"))
          .isEqualTo(dash);
    }
  }
}
