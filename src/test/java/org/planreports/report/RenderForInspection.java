package org.planreports.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.planreports.plan.PublicationKey;

/**
 * Renders every publication of the bundled input and of the final fixture into target/publications.
 */
final class RenderForInspection {

  private RenderForInspection() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of("target", "publications");
    Files.createDirectories(out);
    PublicationRenderer renderer = new PublicationRenderer();
    for (Path input : new Path[] {PublicationFixtures.BUNDLED, PublicationFixtures.FINAL}) {
      PublicationFixtures f = PublicationFixtures.read(input);
      for (PublicationKey key : PublicationPlanner.supported(f.plan, f.data)) {
        if (args.length > 0 && !key.folderName().matches(args[0])) {
          continue;
        }
        long t0 = System.nanoTime();
        byte[] pdf = renderer.render(f.builder.compose(key));
        Files.write(out.resolve(key.stem() + ".pdf"), pdf);
        System.out.printf(
            "%s %d bytes %d ms%n", key.stem(), pdf.length, (System.nanoTime() - t0) / 1_000_000);
      }
    }
  }
}
