package org.planreports.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.CorrectionNotice;
import org.planreports.publication.FiguresDigest;
import org.planreports.report.PdfRenderer;
import org.planreports.report.PublicationComposer;
import org.planreports.report.PublicationContent;
import org.planreports.report.PublicationRenderer;
import org.planreports.validation.ValidationReport;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Rebuilds each staged publication from the plan and the staged rows (derived values and
 * assessments) and renders it into its files (PDF, companion CSVs, validation report) in the run's
 * work folder under the state folder. A publication is rendered into a hidden folder and renamed
 * when complete, so a resumed run skips what is done and redoes what is half-done.
 *
 * <p>A {@code rerun} compares the new companion CSVs with those of the latest edition and puts the
 * correction notice (更正说明) right after the cover. A later {@code run} on the corrected input
 * rebuilds that same notice, so it recognises the corrected edition as unchanged.
 */
@Component
@StepScope
class RenderTasklet extends RunTasklet {

  static final String CORRECTIONS = "render.corrections";

  private final PublicationRenderer renderer;
  private final StagedResults staged;
  private final FileDigests digests;

  RenderTasklet(
      StateStore store,
      RunSettings settings,
      PublicationRenderer renderer,
      StagedResults staged,
      FileDigests digests) {
    super(store, settings);
    this.renderer = renderer;
    this.staged = staged;
    this.digests = digests;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    var step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Path work = settings.work(runKey);
    Plan plan = settings.plan();
    String region = plan.meta().regionCode();
    IndicatorDeriver.Result data = staged.derived(runKey, region, plan);
    PublicationComposer composer = new PublicationComposer(plan, data, settings.inputSet().files());
    List<String> corrections = new ArrayList<>();
    List<PublicationContent> contents = new ArrayList<>();
    for (StagedResults.Staged pub : staged.publications(runKey)) {
      PublicationKey key = PublicationKey.parse(region, pub.publication());
      contents.add(composer.compose(key, staged.assessments(runKey, key, plan, data)));
    }
    // First editions are rendered as they are: lay them out ahead while the one before exports.
    renderer.prepare(
        contents.stream()
            .filter(c -> !Files.isDirectory(work.resolve("rendered").resolve(c.key().folderName())))
            .filter(
                c ->
                    store
                        .editions(settings.output(), c.key().region(), c.key().folderName())
                        .isEmpty())
            .toList());
    for (PublicationContent content : contents) {
      Path done = work.resolve("rendered").resolve(content.key().folderName());
      Path partial = AtomicFiles.partial(done);
      Notices n = notices(content);
      Optional<CorrectionNotice> printed;
      if (n.fresh().isEmpty()) {
        printed = n.baseline();
        if (!Files.isDirectory(done)) {
          render(content, printed, work, partial);
        }
      } else if (!n.fresh().get().changes().isEmpty()) {
        printed = n.fresh();
        if (!Files.isDirectory(done)) {
          render(content, printed, work, partial);
        }
      } else {
        // No figure of the tables changed: when the publication's figures are still the latest
        // edition's, the rerun publishes nothing. Only when another printed figure changed (or,
        // for an edition without a figures digest, any byte) is it a new edition, with a notice.
        Path latest = settings.edition(content.key(), n.fresh().get().corrects());
        Path candidate = Files.isDirectory(done) ? done : partial;
        boolean same;
        if (n.latestFigures().isPresent()) {
          same = FiguresDigest.matches(n.latestFigures().get(), content, n.baseline());
          if (!Files.isDirectory(done) && same) {
            render(content, n.baseline(), work, partial);
          }
        } else {
          if (!Files.isDirectory(done)) {
            render(content, n.baseline(), work, partial);
          }
          same = digests.contentDigest(candidate).equals(digests.contentDigest(latest));
        }
        printed = same ? n.baseline() : n.fresh();
        if (!same && !Files.isDirectory(done)) {
          render(content, printed, work, partial);
        }
      }
      if (!Files.isDirectory(done)) {
        AtomicFiles.move(partial, done);
      }
      String figures = FiguresDigest.of(content, printed);
      if (n.latestFigures().isPresent()
          && !n.latestFigures().get().equals(figures)
          && FiguresDigest.matches(n.latestFigures().get(), content, printed)) {
        // The latest edition's figures, recorded by an earlier version as written: record them
        // by value from now on, so that an extract re-saved later is recognised as unchanged too.
        List<StateStore.Edition> editions =
            store.editions(settings.output(), region, content.key().folderName());
        StateStore.Edition latest = editions.get(editions.size() - 1);
        store.putFiguresDigest(
            settings.output(), region, latest.publication(), latest.edition(), figures);
      }
      staged.putFiguresDigest(runKey, content.key().folderName(), figures);
      if (n.fresh().isPresent() && printed == n.fresh()) {
        corrections.addAll(n.fresh().get().lines(content));
      }
    }
    if (!corrections.isEmpty()) {
      step.getJobExecution()
          .getExecutionContext()
          .putString(CORRECTIONS, String.join("\n", corrections));
    }
    return RepeatStatus.FINISHED;
  }

  /**
   * What notice a publication may carry. {@code baseline}: the latest edition's own notice, rebuilt
   * (the same figures against the edition before it, with its reason), when the figures are still
   * the latest edition's; rendering with it reproduces that edition. {@code fresh}: in a rerun, the
   * notice of the next edition against the latest one. {@code latestFigures}: the latest edition's
   * figures digest, if it has one.
   */
  private record Notices(
      Optional<CorrectionNotice> baseline,
      Optional<CorrectionNotice> fresh,
      Optional<String> latestFigures) {}

  private Notices notices(PublicationContent content) {
    PublicationKey key = content.key();
    List<StateStore.Edition> editions =
        store.editions(settings.output(), key.region(), key.folderName());
    if (editions.isEmpty()) {
      return new Notices(Optional.empty(), Optional.empty(), Optional.empty());
    }
    StateStore.Edition latest = editions.get(editions.size() - 1);
    Optional<String> latestFigures =
        store.figuresDigest(settings.output(), key.region(), key.folderName(), latest.edition());
    Path latestDir = settings.edition(key, latest.edition());
    Map<String, byte[]> now = content.companions();
    if (!Files.isDirectory(latestDir)) {
      // The latest edition is gone from disk (PublicationHistory MISSING). A correction is
      // rendered with its notice against the edition before, as it was published, so that a run
      // with the same figures rebuilds it byte-identical (PublishTasklet compares).
      Path before = settings.edition(key, latest.edition() - 1);
      Optional<CorrectionNotice> rebuilt =
          latest.reason() == null || latest.reason().isBlank() || !Files.isDirectory(before)
              ? Optional.empty()
              : Optional.of(
                  new CorrectionNotice(
                      latest.edition(),
                      latest.edition() - 1,
                      latest.reason(),
                      CorrectionNotice.compare(CorrectionNotice.companionsIn(before), now)));
      return new Notices(
          settings.rerun() ? Optional.empty() : rebuilt, Optional.empty(), latestFigures);
    }
    List<CorrectionNotice.Change> changes =
        CorrectionNotice.compare(CorrectionNotice.companionsIn(latestDir), now);
    Optional<CorrectionNotice> baseline = Optional.empty();
    Path previous = settings.edition(key, latest.edition() - 1);
    if (changes.isEmpty()
        && Files.isRegularFile(latestDir.resolve(CorrectionNotice.CSV))
        && Files.isDirectory(previous)) {
      baseline =
          Optional.of(
              new CorrectionNotice(
                  latest.edition(),
                  latest.edition() - 1,
                  latest.reason(),
                  CorrectionNotice.compare(CorrectionNotice.companionsIn(previous), now)));
    }
    Optional<CorrectionNotice> fresh =
        settings.rerun()
            ? Optional.of(
                new CorrectionNotice(
                    latest.edition() + 1, latest.edition(), settings.reason(), changes))
            : Optional.empty();
    return new Notices(baseline, fresh, latestFigures);
  }

  private void render(
      PublicationContent content, Optional<CorrectionNotice> notice, Path work, Path partial)
      throws IOException {
    AtomicFiles.deleteTree(partial);
    Files.createDirectories(partial);
    PublicationContent shown = notice.map(n -> n.into(content)).orElse(content);
    PdfRenderer.Pdf pdf = renderer.renderWithDigest(shown);
    digests.write(partial.resolve(content.key().stem() + ".pdf"), pdf.bytes(), pdf.sha256());
    for (Map.Entry<String, byte[]> csv : content.companions().entrySet()) {
      digests.write(partial.resolve(csv.getKey()), csv.getValue());
    }
    if (notice.isPresent()) {
      digests.write(partial.resolve(CorrectionNotice.CSV), notice.get().csv(content));
    }
    for (String report : new String[] {ValidationReport.CSV, ValidationReport.TEXT}) {
      copy(work.resolve("validation").resolve(report), partial.resolve(report));
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
