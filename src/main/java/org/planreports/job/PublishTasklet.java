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
import org.planreports.plan.PublicationKey;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.Manifest;
import org.planreports.publication.OperatorText;
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
      boolean unchanged,
      boolean restore,
      String reason) {}

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Plan plan = settings.plan();
    String region = plan.meta().regionCode();
    Path output = settings.output();
    Path rendered = settings.work(runKey).resolve("rendered");
    List<Candidate> candidates = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> unrebuildable = new ArrayList<>();
    for (StagedResults.Staged pub : staged.publications(runKey)) {
      String folder = pub.publication();
      PublicationKey key = PublicationKey.parse(region, folder);
      Path dir = rendered.resolve(folder);
      String digest = digests.contentDigest(dir);
      Optional<StateStore.Edition> latest = store.latestEdition(output, region, folder);
      List<Integer> missing = store.missingEditions(output, region, folder);
      int next = latest.map(e -> e.edition() + 1).orElse(1);
      if (latest.isPresent() && missing.contains(latest.get().edition())) {
        // The latest edition is in history but gone from disk: rebuilt when this run gives the
        // same bytes (the tool is deterministic), otherwise said (a rerun publishes the next one).
        StateStore.Edition lost = latest.get();
        String reason = lost.reason() == null || lost.reason().isBlank() ? null : lost.reason();
        Candidate restore =
            new Candidate(
                key, dir, digest, pub.figuresDigest(), lost.edition(), false, true, reason);
        Optional<String> recorded = store.manifestDigest(output, lost);
        if (lost.contentDigest().equals(digest)
            && sameFigures(lost, pub)
            && (recorded.isEmpty() || recorded.get().equals(sha(manifest(restore, plan))))) {
          candidates.add(restore);
        } else if (settings.rerun()) {
          candidates.add(
              new Candidate(
                  key, dir, digest, pub.figuresDigest(), next, false, false, settings.reason()));
        } else {
          unrebuildable.add(editionFolder(key, lost.edition()).toString());
        }
        missing.stream()
            .filter(n -> n != lost.edition() && !settings.rerun())
            .forEach(n -> unrebuildable.add(editionFolder(key, n).toString()));
        continue;
      }
      if (!settings.rerun()) {
        // An earlier edition gone from disk cannot be rebuilt from this run's figures.
        missing.forEach(n -> unrebuildable.add(editionFolder(key, n).toString()));
      }
      boolean unchanged = latest.isPresent() && unchanged(latest.get(), digest, pub);
      if (latest.isPresent() && !unchanged && !settings.rerun()) {
        refused.add(editionFolder(key, latest.get().edition()).toString());
      }
      candidates.add(
          new Candidate(
              key,
              dir,
              digest,
              pub.figuresDigest(),
              next,
              unchanged,
              false,
              settings.rerun() ? settings.reason() : null));
    }
    if (!unrebuildable.isEmpty()) {
      // Before anything moves: a run names only editions that are on disk.
      throw new IllegalStateException(
          OperatorText.get("links.unrebuildable", String.join("、", unrebuildable)));
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
      byte[] manifest = manifest(c, plan);
      if (c.restore()) {
        // Its row stays MISSING until the folder is back: a run killed in between finds the
        // folder complete and marks it PUBLISHED (PublicationHistory.reconcile).
        StateStore.Edition lost = store.latestEdition(output, region, c.key().folderName()).get();
        publish(c, target, manifest);
        history.markPublished(settings.state(), lost);
        published.add(target + OperatorText.get("links.restored"));
        continue;
      }
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
      history.insertPending(settings.state(), edition, c.figures(), sha(manifest));
      try {
        if (Files.exists(target)) {
          // Reconciling adopted every complete edition folder: this one is not.
          throw new java.nio.file.FileAlreadyExistsException(
              target.toString(), null, "发布历史中没有这一版本，其文件与 manifest.json 不一致");
        }
        publish(c, target, manifest);
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

  private static String sha(byte[] bytes) {
    return org.planreports.ingest.InputSet.hex(
        org.planreports.ingest.InputSet.sha256().digest(bytes));
  }

  /** Whether a publication's figures digest is the edition's (true when either has none). */
  private boolean sameFigures(StateStore.Edition e, StagedResults.Staged pub) {
    Optional<String> figures =
        store.figuresDigest(settings.output(), e.region(), e.publication(), e.edition());
    return figures.isEmpty()
        || pub.figuresDigest() == null
        || figures.get().equals(pub.figuresDigest());
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
        store.figuresDigest(
            settings.output(), latest.region(), latest.publication(), latest.edition());
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

  /** The edition's manifest.json, built before anything moves (its digest goes into history). */
  private byte[] manifest(Candidate c, Plan plan) throws IOException {
    List<Manifest.Entry> outputs = new ArrayList<>();
    for (Path f : FileDigests.files(c.dir(), true)) {
      outputs.add(new Manifest.Entry(f.getFileName().toString(), digests.sha(f), Files.size(f)));
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
    if (c.reason() != null && c.edition() > 1) {
      header.put("corrects_edition", String.valueOf(c.edition() - 1));
      header.put("reason", c.reason());
    }
    return Manifest.write(header, inputs, outputs);
  }

  private void publish(Candidate c, Path target, byte[] manifest) throws IOException {
    Path partial = AtomicFiles.partial(target);
    AtomicFiles.deleteTree(partial);
    Files.createDirectories(partial);
    for (Path f : FileDigests.files(c.dir(), true)) {
      AtomicFiles.writeFile(partial.resolve(f.getFileName()), Files.readAllBytes(f));
    }
    AtomicFiles.writeFile(partial.resolve(Manifest.FILE), manifest);
    AtomicFiles.move(partial, target);
  }
}
