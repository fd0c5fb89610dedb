package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The assessment table fills each status cell with the status's own colour. */
class StatusColoursTest {

  private static String template;

  @BeforeAll
  static void load() throws IOException {
    template = Files.readString(Path.of("reports/assessment-table.jrxml"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Status.class)
  void shouldColourEveryStatusInTheAssessmentTable(Status status) {
    assertThat(template)
        .containsPattern(
            "backcolor=\""
                + status.colour()
                + "\">\\s*<conditionExpression><!\\[CDATA\\[\""
                + status.name()
                + "\"\\.equals\\(\\$F\\{status_key\\}\\)");
  }
}
