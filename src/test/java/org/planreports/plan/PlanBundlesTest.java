package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.CityFixture;

/** What {@code --plan} names: a file, a bundle folder, a folder of bundles, repeated. */
class PlanBundlesTest {

  private static final Path BUNDLED = Path.of("reports/plan");
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/plans");

  @TempDir Path tmp;

  @Test
  void shouldTakeAFileABundleFolderOrAFolderOfBundles() {
    assertThat(PlanBundles.resolve(List.of(BUNDLED.resolve("plan.properties"))))
        .containsExactly(BUNDLED.resolve("plan.properties"));
    assertThat(PlanBundles.resolve(List.of(BUNDLED)))
        .containsExactly(BUNDLED.resolve("plan.properties"));
    assertThat(PlanBundles.resolve(List.of(FIXTURES)))
        .containsExactly(
            FIXTURES.resolve("district-binding/plan.properties"),
            FIXTURES.resolve("scheme-2027/plan.properties"),
            FIXTURES.resolve("zone-news/plan.properties"));
    assertThat(PlanBundles.resolve(List.of(BUNDLED, FIXTURES.resolve("scheme-2027")))).hasSize(2);
    assertThat(PlanBundles.resolve(List.of())).isEmpty();
  }

  @Test
  void shouldSayWhatAFolderWithoutBundlesIsMissing() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
    assertThatThrownBy(() -> PlanBundles.resolve(List.of(empty.getParent())))
        .isInstanceOf(PlanBundleException.class)
        .satisfies(
            e ->
                assertThat(((PlanBundleException) e).problems().get(0).oneLine())
                    .contains("目录中没有 plan.properties"));
  }

  @Test
  void shouldLoadEveryDistrictAndRefuseTwoBundlesOfOneRegion() throws Exception {
    Path city = CityFixture.write(Path.of("."), tmp.resolve("city"), 3);
    List<Plan> plans = PlanBundles.loadAll(PlanBundles.resolve(List.of(city.resolve("plans"))));
    assertThat(plans)
        .extracting(p -> p.meta().regionCode() + " " + p.meta().regionName())
        .containsExactly("500101 万州区", "500102 涪陵区", "500119 南川区");
    assertThat(plans.get(0).meta().title()).startsWith("万州区科技创新");

    List<Path> twice =
        List.of(city.resolve("plans/500119/plan.properties"), BUNDLED.resolve("plan.properties"));
    assertThatThrownBy(() -> PlanBundles.loadAll(twice))
        .isInstanceOf(PlanBundleException.class)
        .satisfies(
            e ->
                assertThat(((PlanBundleException) e).problems().get(0).oneLine())
                    .contains("region.code", "500119", "已由", "使用"));
  }

  @Test
  void shouldReportTheMistakesOfEveryBundleAtOnce() throws Exception {
    Path city = CityFixture.write(Path.of("."), tmp.resolve("broken"), 2);
    for (String region : List.of("500101", "500119")) {
      Path p = city.resolve("plans").resolve(region).resolve("plan.properties");
      Files.writeString(p, Files.readString(p).replace("period.final=2025", "period.final=20x5"));
    }
    assertThatThrownBy(
            () -> PlanBundles.loadAll(PlanBundles.resolve(List.of(city.resolve("plans")))))
        .isInstanceOf(PlanBundleException.class)
        .satisfies(
            e ->
                assertThat(((PlanBundleException) e).problems())
                    .extracting(PlanProblem::file)
                    .anyMatch(f -> f.contains("500101"))
                    .anyMatch(f -> f.contains("500119")));
  }
}
