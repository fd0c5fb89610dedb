package org.planreports.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.planreports.publication.AtomicFiles;
import org.planreports.report.PublicationContent;
import org.planreports.report.PublicationRenderer;
import org.planreports.validation.ValidationReport;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Renders each staged publication into its files (PDF, companion CSVs, validation report) in the
 * run's work folder under the state folder. A publication is rendered into a hidden folder and
 * renamed when complete, so a resumed run skips what is done and redoes what is half-done.
 */
@Component
@StepScope
class RenderTasklet implements Tasklet {

  private final StateStore store;
  private final RunSettings settings;
  private final PublicationRenderer renderer;

  RenderTasklet(StateStore store, RunSettings settings, PublicationRenderer renderer) {
    this.store = store;
    this.settings = settings;
    this.renderer = renderer;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    long runKey = PlanReportsJobConfig.runKey(chunk.getStepContext().getStepExecution());
    Path work = settings.work(runKey);
    for (String name : store.contentNames(runKey, AssessTasklet.PUBLICATION_PREFIX)) {
      PublicationContent content =
          store.content(runKey, name, PublicationContent.class).orElseThrow();
      Path done = work.resolve("rendered").resolve(content.key().folderName());
      if (Files.isDirectory(done)) {
        continue;
      }
      Path partial = done.resolveSibling("." + content.key().folderName() + ".part");
      AtomicFiles.deleteTree(partial);
      Files.createDirectories(partial);
      Files.write(partial.resolve(content.key().stem() + ".pdf"), renderer.render(content));
      for (Map.Entry<String, byte[]> csv : content.companions().entrySet()) {
        Files.write(partial.resolve(csv.getKey()), csv.getValue());
      }
      for (String report : new String[] {ValidationReport.CSV, ValidationReport.TEXT}) {
        copy(work.resolve("validation").resolve(report), partial.resolve(report));
      }
      AtomicFiles.move(partial, done);
    }
    return RepeatStatus.FINISHED;
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
