package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;

/**
 * The public appendix (指标解释与数据来源) of every publication of the bundled plan and the three fixture
 * plans: every row the tables print, named and explained in words, with no item code, input file
 * name or digest — those go to provenance.csv.
 */
class PublicAppendixTest {

  /** An item or indicator code (RD_EXP, X_RD_INTENSITY), as the plan bundles write them. */
  static final String CODE = "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b";

  static final String HEX_DIGEST = "[0-9a-fA-F]{64}";

  private static final Path PLANS = Path.of("src/test/resources/fixtures/plans");

  private static final Map<String, PublicationFixtures> FIXTURES = new LinkedHashMap<>();

  static PublicationFixtures fixture(String bundle) {
    return FIXTURES.computeIfAbsent(
        bundle,
        b ->
            b.equals("nanchuan")
                ? PublicationFixtures.read(PublicationFixtures.BUNDLED)
                : PublicationFixtures.read(
                    PLANS.resolve(b).resolve("extracts"),
                    PlanLoader.load(PLANS.resolve(b).resolve("plan.properties"))));
  }

  static Stream<Arguments> publications() {
    List<Arguments> all = new ArrayList<>();
    for (String b : List.of("nanchuan", "scheme-2027", "district-binding", "zone-news")) {
      PublicationFixtures f = fixture(b);
      for (PublicationKey key : PublicationPlanner.supported(f.plan, f.data)) {
        all.add(Arguments.of(b, key.folderName()));
      }
    }
    return all.stream();
  }

  static Section appendix(PublicationContent c) {
    return c.sections().stream()
        .filter(s -> s.template().equals("provenance"))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("publications")
  void shouldExplainEveryPrintedRowInWordsWithoutCodesFilesOrDigests(String bundle, String pub) {
    PublicationFixtures f = fixture(bundle);
    PublicationKey key = PublicationKey.parse(f.plan.meta().regionCode(), pub);
    PublicationContent content = f.builder.compose(key);
    Section appendix = appendix(content);

    int printedRows = 0;
    for (var t : PublicationPlanner.tables(f.plan, key.type())) {
      printedRows +=
          f.plan.isHistory(t)
              ? f.plan.rows(t.name()).size()
              : f.builder.assess(key).get(t.name()).size();
    }
    assertThat(appendix.rows()).as("one row per printed row").hasSize(printedRows);
    for (Map<String, Object> row : appendix.rows()) {
      assertThat(row.get("name")).as("name").asString().isNotBlank();
      assertThat(row.get("method")).as("method of %s", row.get("name")).asString().isNotBlank();
      assertThat(row.get("source")).as("source of %s", row.get("name")).asString().isNotBlank();
    }
    String text = appendix.rows().toString() + appendix.params().values();
    assertThat(text).doesNotContainPattern(CODE).doesNotContainPattern(HEX_DIGEST);
    assertThat(text.replace(ProvenanceCsv.FILE, ""))
        .as("no input file named")
        .doesNotContain(".csv");
  }

  @Test
  void shouldWordTheBulletinsRowsAsThePlanDoes() {
    PublicationFixtures f = fixture("nanchuan");
    PublicationContent c = f.builder.compose(PublicationKey.parse("500119", "2023-annual"));
    Map<String, Map<String, Object>> byRow = new LinkedHashMap<>();
    for (Map<String, Object> row : appendix(c).rows()) {
      byRow.put(row.get("group").toString().substring(0, 2) + "/" + row.get("seq"), row);
    }

    assertThat(byRow.get("表1/2"))
        .containsEntry("name", "全社会研发投入(R&D)占GDP比重")
        .containsEntry("method", "全社会R&D经费支出 ÷ 地区生产总值 × 100%")
        .containsEntry("source", "南川区科技创新“十四五”规划、示例数据（非官方）")
        .containsEntry("remark", "2020年为直接填报值");
    assertThat(byRow.get("表1/1")).containsEntry("method", "全社会R&D经费支出的年均增长率");
    assertThat(byRow.get("表1/3")).containsEntry("method", "R&D人员全时当量（人年） ÷ 全社会就业人员（万人）");
    assertThat(byRow.get("表1/12")).containsEntry("remark", "2023年为初步数");
    assertThat(byRow.get("表2/9").get("method").toString()).startsWith("规划期内逐年累计");
    assertThat(byRow.get("表2/11"))
        .containsEntry("method", "全社会R&D经费支出（亿元） ÷ 地区生产总值（亿元） × 100% － 全市R&D经费投入强度（%）");
  }

  @Test
  void shouldReferAnIndicatorExplainedInAnEarlierTableToIt() {
    PublicationFixtures f = fixture("nanchuan");
    PublicationContent c = f.builder.compose(PublicationKey.parse("500119", "2023-midterm"));

    assertThat(appendix(c).rows())
        .filteredOn(r -> r.get("group").toString().startsWith("表2") && r.get("seq").equals("2"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("method")).isEqualTo("同表1序号2"));
  }
}
