package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;

/** Laying publications out ahead, on other threads, gives the bytes of rendering one by one. */
@Tag("pdf")
class PreparedRenderingTest {

  static List<PublicationContent> contents;
  static List<byte[]> oneByOne;

  @BeforeAll
  static void renderOneByOne() {
    PublicationFixtures fixtures = PublicationFixtures.read(PublicationFixtures.FINAL);
    contents =
        List.of(
            fixtures.builder.compose(new PublicationKey("500119", 2025, PublicationType.FINAL)),
            fixtures.builder.compose(new PublicationKey("500119", 2023, PublicationType.MIDTERM)),
            fixtures.builder.compose(new PublicationKey("500119", 2024, PublicationType.ANNUAL)),
            fixtures.builder.compose(
                new PublicationKey("500119", 2024, PublicationType.bulletin("zone"))));
    PublicationRenderer renderer = new PublicationRenderer();
    oneByOne = contents.stream().map(renderer::render).toList();
  }

  @Test
  void shouldGiveTheSameBytesWhenLaidOutAhead() {
    PublicationRenderer renderer = new PublicationRenderer();
    renderer.prepare(contents);
    for (int i = 0; i < contents.size(); i++) {
      assertThat(renderer.render(contents.get(i)))
          .as("publication %d", i)
          .isEqualTo(oneByOne.get(i));
    }
  }

  @Test
  void shouldGiveTheSameBytesWhenRenderedInAnotherOrderThanPrepared() {
    PublicationRenderer renderer = new PublicationRenderer();
    renderer.prepare(contents);
    for (int i : new int[] {3, 0, 2, 1}) {
      assertThat(renderer.render(contents.get(i)))
          .as("publication %d", i)
          .isEqualTo(oneByOne.get(i));
    }
  }

  @Test
  void shouldRenderContentThatWasNotPrepared() {
    PublicationRenderer renderer = new PublicationRenderer();
    renderer.prepare(contents.subList(0, 1));
    assertThat(renderer.render(contents.get(2))).isEqualTo(oneByOne.get(2));
    assertThat(renderer.render(contents.get(0))).isEqualTo(oneByOne.get(0));
  }

  @Test
  void shouldGiveTheSameBytesWhenExportedOnSeveralThreadsAtOnce() throws Exception {
    PublicationRenderer renderer = new PublicationRenderer();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(contents.size());
    try {
      for (int round = 0; round < 2; round++) {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<byte[]>> pdfs = new java.util.ArrayList<>();
        for (PublicationContent c : contents) {
          pdfs.add(
              pool.submit(
                  () -> {
                    start.await();
                    return renderer.render(c);
                  }));
        }
        start.countDown();
        for (int i = 0; i < contents.size(); i++) {
          assertThat(pdfs.get(i).get()).as("publication %d", i).isEqualTo(oneByOne.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(renderer.concurrentExportsForTest()).isTrue();
  }
}
