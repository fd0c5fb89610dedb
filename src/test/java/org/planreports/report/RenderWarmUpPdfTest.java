package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.planreports.plan.PublicationKey;

/** The warm-up starts once per JVM and leaves what the run renders byte for byte as it was. */
@Tag("pdf")
class RenderWarmUpPdfTest {

  @Test
  void shouldStartOnceAndChangeNoByteOfThePublications() throws Exception {
    PublicationFixtures fixtures = PublicationFixtures.read(PublicationFixtures.BUNDLED);
    String region = fixtures.plan.meta().regionCode();
    PublicationContent bulletin =
        fixtures.builder.compose(PublicationKey.parse(region, "2023-annual"));
    byte[] before = new PublicationRenderer().render(bulletin);

    Optional<Thread> first = RenderWarmUp.start(fixtures.plan);
    Optional<Thread> second = RenderWarmUp.start(fixtures.plan);
    assertThat(second).as("a JVM warms up once").isEmpty();
    if (first.isPresent()) {
      first.get().join(TimeUnit.MINUTES.toMillis(3));
      assertThat(first.get().isAlive()).isFalse();
    }

    assertThat(new PublicationRenderer().render(bulletin)).isEqualTo(before);
  }
}
