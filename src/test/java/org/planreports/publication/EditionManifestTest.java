package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;

class EditionManifestTest {

  private static Plan plan;

  @BeforeAll
  static void load() {
    plan = PlanLoader.loadDefault();
  }

  @ParameterizedTest(name = "edition {0}, figures {1}, reason {2}")
  @CsvSource({
    "1, , , ''",
    "1, abc, , figures_digest",
    "1, abc, 核定, figures_digest",
    "2, abc, , figures_digest",
    "2, abc, 核定, figures_digest corrects_edition reason",
    "3, , 核定, corrects_edition reason"
  })
  void shouldSayWhatACorrectionCorrectsAndWhy(
      int edition, String figures, String reason, String extra) {
    PublicationKey key = PublicationKey.parse(plan.meta().regionCode(), "2023-annual");
    Map<String, String> header =
        Manifest.header(
            new String(
                EditionManifest.write(
                    "9.9", plan, key, edition, figures, reason, List.of(), List.of()),
                java.nio.charset.StandardCharsets.UTF_8));
    List<String> fields =
        List.of(
            "tool",
            "tool_version",
            "plan",
            "plan_version",
            "plan_digest",
            "region",
            "publication",
            "edition");
    List<String> expected = new java.util.ArrayList<>(fields);
    if (!extra.isEmpty()) {
      expected.addAll(List.of(extra.split(" ")));
    }
    assertThat(header.keySet()).containsExactlyElementsOf(expected);
    assertThat(header)
        .containsEntry("publication", "2023-annual")
        .containsEntry("edition", String.valueOf(edition));
    if (header.containsKey("corrects_edition")) {
      assertThat(header)
          .containsEntry("corrects_edition", String.valueOf(edition - 1))
          .containsEntry("reason", reason);
    }
  }
}
