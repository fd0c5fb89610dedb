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
import org.planreports.publication.ChangeList;
import org.planreports.publication.CorrectionNotice;
import org.planreports.publication.DataPackage;
import org.planreports.publication.FiguresDigest;
import org.planreports.publication.Notices;
import org.planreports.report.PdfRenderer;
import org.planreports.report.PublicationComposer;
import org.planreports.report.PublicationContent;
import org.planreports.report.PublicationRenderer;
import org.planreports.report.ReleaseMarking;
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
    PublicationComposer composer =
        new PublicationComposer(plan, data, settings.inputSet().files())
            .withCommentary(
                k ->
                    org.planreports.ingest.CommentaryFiles.read(
                        settings.input(), k.region(), k.folderName()));
    List<String> corrections = new ArrayList<>();
    List<PublicationContent> contents = new ArrayList<>();
    for (StagedResults.Staged pub : staged.publications(runKey)) {
      PublicationKey key = PublicationKey.parse(region, pub.publication());
      contents.add(mark(composer.compose(key, staged.assessments(runKey, key, plan, data))));
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
      RunProgress.rendered(contents.indexOf(content), contents.size());
      Path done = work.resolve("rendered").resolve(content.key().folderName());
      Path partial = AtomicFiles.partial(done);
      List<StateStore.Edition> editions =
          store.editions(settings.output(), region, content.key().folderName());
      Optional<String> latestFigures =
          editions.isEmpty()
              ? Optional.empty()
              : store.figuresDigest(
                  settings.output(),
                  region,
                  content.key().folderName(),
                  editions.get(editions.size() - 1).edition());
      Notices n = notices(content, editions);
      boolean[] baselineRendered = {false};
      Optional<CorrectionNotice> printed =
          n.printed(
              () -> {
                // No figure of the tables changed: when the publication's figures are still the
                // latest edition's, the rerun publishes nothing. Only when another printed figure
                // changed (or, for an edition without a figures digest, any byte) is it a new
                // edition, with a notice.
                if (latestFigures.isPresent()) {
                  return FiguresDigest.matches(latestFigures.get(), content, n.baseline());
                }
                Path latest = settings.edition(content.key(), n.fresh().get().corrects());
                Path candidate = Files.isDirectory(done) ? done : partial;
                if (!Files.isDirectory(done)) {
                  render(content, n.baseline(), work, partial);
                  baselineRendered[0] = true;
                }
                return digests.contentDigest(candidate).equals(digests.contentDigest(latest));
              });
      if (!Files.isDirectory(done) && !(baselineRendered[0] && printed == n.baseline())) {
        render(content, printed, work, partial);
      }
      if (!Files.isDirectory(done)) {
        AtomicFiles.move(partial, done);
      }
      String figures = FiguresDigest.of(content, printed);
      if (latestFigures.isPresent()
          && !latestFigures.get().equals(figures)
          && FiguresDigest.matches(latestFigures.get(), content, printed)) {
        // The latest edition's figures, recorded by an earlier version as written: record them
        // by value from now on, so that an extract re-saved later is recognised as unchanged too.
        StateStore.Edition latest = editions.get(editions.size() - 1);
        store.putFiguresDigest(
            settings.output(), region, latest.publication(), latest.edition(), figures);
      }
      staged.putFiguresDigest(runKey, content.key().folderName(), figures);
      if (settings.mode().reviews()) {
        ChangeList changes = changeList(content, editions, n, printed);
        Files.createDirectories(work.resolve(CHANGES));
        AtomicFiles.writeFile(
            work.resolve(CHANGES).resolve(content.key().folderName() + ".csv"), changes.csv());
        corrections.addAll(changes.lines());
      } else if (n.fresh().isPresent() && printed == n.fresh()) {
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

  /** The folder of the run's work folder where review runs keep each publication's change list. */
  static final String CHANGES = "changes";

  /** What a review copy would change against the latest edition. */
  private static ChangeList changeList(
      PublicationContent content,
      List<StateStore.Edition> editions,
      Notices n,
      Optional<CorrectionNotice> printed) {
    String folder = content.key().folderName();
    if (editions.isEmpty()) {
      return new ChangeList(folder, ChangeList.Kind.NEW, 0, List.of(), content.tableRefs());
    }
    int latest = editions.get(editions.size() - 1).edition();
    if (n.fresh().isPresent() && printed == n.fresh()) {
      return new ChangeList(
          folder,
          ChangeList.Kind.CHANGED,
          latest,
          printed.get().printed(content),
          content.tableRefs());
    }
    return new ChangeList(
        folder, ChangeList.Kind.UNCHANGED, latest, List.of(), content.tableRefs());
  }

  /**
   * A review copy is marked 审阅稿 on every page; what is published carries its publication date when
   * the request has one.
   */
  private PublicationContent mark(PublicationContent content) {
    if (settings.mode().reviews()) {
      return ReleaseMarking.review(content);
    }
    return settings.date() == null ? content : ReleaseMarking.released(content, settings.date());
  }

  /** What notice a publication may carry ({@link Notices}), from its editions on disk. */
  private Notices notices(PublicationContent content, List<StateStore.Edition> editions) {
    if (editions.isEmpty()) {
      return Notices.NONE;
    }
    PublicationKey key = content.key();
    StateStore.Edition latest = editions.get(editions.size() - 1);
    return Notices.of(
        latest.edition(),
        latest.reason(),
        settings.rerun(),
        settings.reason(),
        content.companions(),
        new Notices.Editions() {
          @Override
          public boolean onDisk(int n) {
            return Files.isDirectory(settings.edition(key, n));
          }

          @Override
          public boolean hasNotice(int n) {
            return Files.isRegularFile(settings.edition(key, n).resolve(CorrectionNotice.CSV));
          }

          @Override
          public Map<String, byte[]> companions(int n) {
            return CorrectionNotice.companionsIn(settings.edition(key, n));
          }
        });
  }

  private void render(
      PublicationContent content, Optional<CorrectionNotice> notice, Path work, Path partial)
      throws IOException {
    AtomicFiles.deleteTree(partial);
    Files.createDirectories(partial);
    // The very object prepared ahead when there is no notice (PublicationRenderer#prepare).
    PublicationContent shown = notice.isPresent() ? mark(notice.get().into(content)) : content;
    PdfRenderer.Pdf pdf = renderer.renderWithDigest(shown);
    digests.write(partial.resolve(content.key().stem() + ".pdf"), pdf.bytes(), pdf.sha256());
    for (Map.Entry<String, byte[]> csv : content.companions().entrySet()) {
      digests.write(partial.resolve(csv.getKey()), csv.getValue());
    }
    Map<String, byte[]> files = new java.util.TreeMap<>(content.companions());
    if (notice.isPresent()) {
      byte[] csv = notice.get().csv(content);
      digests.write(partial.resolve(CorrectionNotice.CSV), csv);
      files.put(CorrectionNotice.CSV, csv);
    }
    digests.write(
        partial.resolve(DataPackage.FILE), DataPackage.of(settings.plan(), content, files));
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
