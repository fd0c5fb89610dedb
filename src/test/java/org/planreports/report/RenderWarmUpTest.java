package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationType;

/**
 * The warm-up has something to lay out for every plan, 南川's and the fixture bundles unlike it: a
 * warm-up that failed would be ignored, and a run would silently go without it.
 */
class RenderWarmUpTest {

  static Stream<Plan> plans() {
    Path plans = Path.of("src/test/resources/fixtures/plans");
    return Stream.concat(
        Stream.of(PlanLoader.loadDefault()),
        Stream.of("scheme-2027", "district-binding", "zone-news")
            .map(b -> PlanLoader.load(plans.resolve(b).resolve("plan.properties"))));
  }

  @ParameterizedTest
  @MethodSource("plans")
  void shouldComposeTheMidTermEvaluationWithNoFigures(Plan plan) {
    PublicationContent content = RenderWarmUp.content(plan);

    assertThat(content.key().type()).isEqualTo(PublicationType.MIDTERM);
    assertThat(content.key().year()).isEqualTo(plan.meta().midYear());
    assertThat(content.sections()).hasSizeGreaterThan(3);
  }
}
