package org.planreports.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planreports.ingest.InputFile;
import org.planreports.plan.Plan;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.Manifest;
import org.planreports.publication.PublicationKey;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Publishes the rendered publications into {@code output/{region}/{year}-{type}/edition-N/}. A
 * publication whose own figures are the latest edition's (its figures digest) publishes nothing,
 * even if an input file it was read from changed elsewhere; different figures are refused (exit
 * code 5) unless the run is a {@code rerun}, which publishes edition N+1 beside the old one. Every
 * check comes before the first move, so a refusal publishes nothing at all.
 */
@Component
@StepScope
class PublishTasklet extends RunTasklet {

  static final String PUBLISHED = "publish.published";
  static final String UNCHANGED = "publish.unchanged";
  static final String REFUSED = "publish.refused";

  private final PublicationHistory history;
  private final StagedResults staged;
  private final FileDigests digests;

  PublishTasklet(
      StateStore store,
      RunSettings settings,
      PublicationHistory history,
      StagedResults staged,
      FileDigests digests) {
    super(store, settings);
    this.history = history;
    this.staged = staged;
    this.digests = digests;
  }

  private record Candidate(
      PublicationKey key,
      Path dir,
      String digest,
      String figures,
      int edition,
      boolean unchanged) {}

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Plan plan = settings.plan();
    String region = plan.meta().regionCode();
    Path rendered = settings.work(runKey).resolve("rendered");
    List<Candidate> candidates = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (StagedResults.Staged pub : staged.publications(runKey)) {
      String folder = pub.publication();
      PublicationKey key = PublicationKey.parse(region, folder);
      Path dir = rendered.resolve(folder);
      String digest = digests.contentDigest(dir);
      Optional<StateStore.Edition> latest = store.latestEdition(region, folder);
      int next = latest.map(e -> e.edition() + 1).orElse(1);
      boolean unchanged = latest.isPresent() && unchanged(latest.get(), digest, pub);
      if (latest.isPresent() && !unchanged && !settings.rerun()) {
        refused.add(editionFolder(key, latest.get().edition()).toString());
      }
      candidates.add(new Candidate(key, dir, digest, pub.figuresDigest(), next, unchanged));
    }
    var jobContext = step.getJobExecution().getExecutionContext();
    if (!refused.isEmpty()) {
      jobContext.putString(REFUSED, String.join("\n", refused));
      // Those whose own figures did not change are named too: they are not what was refused.
      jobContext.putString(
          UNCHANGED,
          String.join(
              "\n",
              candidates.stream()
                  .filter(Candidate::unchanged)
                  .map(c -> editionFolder(c.key(), c.edition() - 1).toString())
                  .toList()));
      contribution.setExitStatus(new ExitStatus(JobParams.REFUSED));
      return RepeatStatus.FINISHED;
    }
    List<String> published = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.unchanged()) {
        unchanged.add(editionFolder(c.key(), c.edition() - 1).toString());
        continue;
      }
      Path target = editionFolder(c.key(), c.edition());
      StateStore.Edition edition =
          new StateStore.Edition(
              region,
              c.key().folderName(),
              c.edition(),
              c.digest(),
              target.toString(),
              step.getJobExecution().getId(),
              settings.reason(),
              Instant.now());
      // In history before it is on disk, PUBLISHED once it is: a run interrupted in between is
      // finished or rolled back by the next one (PublicationHistory.reconcile).
      history.insertPending(settings.state(), edition, c.figures());
      try {
        if (Files.exists(target)) {
          // Reconciling adopted every complete edition folder: this one is not.
          throw new java.nio.file.FileAlreadyExistsException(
              target.toString(), null, "发布历史中没有这一版本，其文件与 manifest.json 不一致");
        }
        publish(c, target, plan);
      } catch (IOException | RuntimeException e) {
        rollBack(edition, target, e);
        throw e;
      }
      history.markPublished(settings.state(), edition);
      published.add(target.toString());
    }
    jobContext.putString(PUBLISHED, String.join("\n", published));
    jobContext.putString(UNCHANGED, String.join("\n", unchanged));
    return RepeatStatus.FINISHED;
  }

  /** The edition did not get into the output: neither its row nor a partial folder stays. */
  private void rollBack(StateStore.Edition edition, Path target, Exception cause) {
    try {
      AtomicFiles.deleteTree(AtomicFiles.partial(target));
      history.remove(settings.state(), edition);
    } catch (RuntimeException e) {
      // Left PENDING, the next run rolls it back before anything else.
      cause.addSuppressed(e);
    }
  }

  /**
   * Whether a publication is its latest edition again: its own figures are the same (the figures
   * digest, which leaves out the input files' digests and names its provenance prints), or, for an
   * edition published without a figures digest, its PDF and companion CSVs are the same bytes.
   */
  private boolean unchanged(StateStore.Edition latest, String digest, StagedResults.Staged pub) {
    Optional<String> figures =
        store.figuresDigest(latest.region(), latest.publication(), latest.edition());
    if (figures.isPresent() && pub.figuresDigest() != null) {
      return figures.get().equals(pub.figuresDigest());
    }
    return latest.contentDigest().equals(digest);
  }

  private Path editionFolder(PublicationKey key, int edition) {
    return settings
        .output()
        .resolve(key.region())
        .resolve(key.folderName())
        .resolve("edition-" + edition);
  }

  private void publish(Candidate c, Path target, Plan plan) throws IOException {
    Path partial = AtomicFiles.partial(target);
    AtomicFiles.deleteTree(partial);
    Files.createDirectories(partial);
    List<Manifest.Entry> outputs = new ArrayList<>();
    for (Path f : FileDigests.files(c.dir(), true)) {
      byte[] bytes = Files.readAllBytes(f);
      AtomicFiles.writeFile(partial.resolve(f.getFileName()), bytes);
      outputs.add(new Manifest.Entry(f.getFileName().toString(), digests.sha(f), bytes.length));
    }
    List<Manifest.Entry> inputs = new ArrayList<>();
    for (InputFile in : settings.inputSet().files()) {
      inputs.add(new Manifest.Entry(in.name(), in.sha256(), in.size()));
    }
    Map<String, String> header = new LinkedHashMap<>();
    header.put("tool", "plan-reports");
    header.put("tool_version", settings.toolVersion());
    header.put("plan", plan.meta().id());
    header.put("plan_version", plan.meta().version());
    header.put("plan_digest", plan.digest());
    header.put("region", c.key().region());
    header.put("publication", c.key().folderName());
    header.put("edition", String.valueOf(c.edition()));
    if (c.figures() != null) {
      // So that a history rebuilt from the output still knows what its figures were.
      header.put("figures_digest", c.figures());
    }
    if (settings.rerun() && c.edition() > 1) {
      header.put("corrects_edition", String.valueOf(c.edition() - 1));
      header.put("reason", settings.reason());
    }
    AtomicFiles.writeFile(partial.resolve(Manifest.FILE), Manifest.write(header, inputs, outputs));
    AtomicFiles.move(partial, target);
  }
}
