package org.planreports.job;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.planreports.core.Messages;
import org.planreports.ingest.InputFile;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.AtomicFiles;
import org.planreports.publication.ContentDigest;
import org.planreports.publication.EditionManifest;
import org.planreports.publication.EditionStatus;
import org.planreports.publication.Manifest;
import org.planreports.publication.OperatorText;
import org.planreports.publication.OutputLayout;
import org.planreports.publication.PublishDecision;
import org.planreports.publication.ReviewRecord;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Publishes the rendered publications into their edition folders ({@link OutputLayout}). What
 * becomes of each is {@link PublishDecision}'s: a publication whose own figures are the latest
 * edition's (its figures digest) publishes nothing, even if an input file it was read from changed
 * elsewhere; different figures are refused (exit code 5) unless the run is a {@code rerun}, which
 * publishes edition N+1 beside the old one; an edition gone from disk is rebuilt when this run
 * gives its bytes again. Every check comes before the first move, so a refusal publishes nothing at
 * all. This step gathers what the decision needs and carries it out.
 */
@Component
@StepScope
class PublishTasklet extends RunTasklet {

  private static final Messages WORDS = Messages.bundle("publication");

  static final String PUBLISHED = "publish.published";
  static final String UNCHANGED = "publish.unchanged";
  static final String REFUSED = "publish.refused";
  static final String STALE = "publish.stale";
  static final String UNREVIEWED = "publish.unreviewed";

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

  /** A rendered publication, where its files are, and what becomes of it. */
  private record Candidate(
      PublicationKey key, Path dir, String digest, String figures, PublishDecision decision) {

    int edition() {
      return decision.edition();
    }
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    StepExecution step = chunk.getStepContext().getStepExecution();
    long runKey = PlanReportsJobConfig.runKey(step);
    Plan plan = settings.plan();
    String region = plan.meta().regionCode();
    Path output = settings.output();
    OutputLayout layout = new OutputLayout(output);
    Path rendered = settings.work(runKey).resolve("rendered");
    List<Candidate> candidates = new ArrayList<>();
    for (StagedResults.Staged pub : staged.publications(runKey)) {
      String folder = pub.publication();
      PublicationKey key = PublicationKey.parse(region, folder);
      Path dir = rendered.resolve(folder);
      String digest = digests.contentDigest(dir);
      List<Integer> missing = store.missingEditions(output, region, folder);
      Optional<PublishDecision.Latest> latest =
          store.latestEdition(output, region, folder).map(e -> latest(e, missing));
      PublishDecision decision =
          PublishDecision.decide(
              latest,
              missing,
              new PublishDecision.Rendered(digest, pub.figuresDigest()),
              settings.rerun(),
              settings.reason(),
              () ->
                  sha(
                      manifest(
                          key,
                          dir,
                          pub.figuresDigest(),
                          latest.get().edition(),
                          latest.get().correctionReason(),
                          plan)));
      candidates.add(new Candidate(key, dir, digest, pub.figuresDigest(), decision));
    }
    var jobContext = step.getJobExecution().getExecutionContext();
    ReviewCopies reviews = settings.review() == null ? null : new ReviewCopies(settings.review());
    if (settings.mode().reviews()) {
      // Review copies only: nothing goes into the output folder or the history.
      List<ReviewCopies.Copy> copies =
          candidates.stream()
              .map(
                  c ->
                      new ReviewCopies.Copy(
                          c.key(), c.dir(), c.figures(), c.decision().status(), c.edition()))
              .toList();
      jobContext.putString(
          PUBLISHED,
          String.join(
              "\n",
              reviews.write(
                  copies,
                  settings.work(runKey).resolve(RenderTasklet.CHANGES),
                  ReviewRecord.Sources.of(
                      settings.toolVersion(), plan.digest(), settings.inputSet()))));
      return RepeatStatus.FINISHED;
    }
    if (settings.mode() == RunMode.PUBLISH) {
      // Only what was reviewed, exactly as reviewed (the command compared the inputs already).
      List<Candidate> reviewed = new ArrayList<>();
      List<String> unreviewed = new ArrayList<>();
      List<String> stale = new ArrayList<>();
      for (Candidate c : candidates) {
        Optional<ReviewRecord> r = reviews.record(c.key());
        if (r.isEmpty()) {
          if (c.decision().status().publishes()) {
            unreviewed.add(c.key().folderName());
          }
          continue;
        }
        if (c.decision().status().publishes()
            && c.decision().status() != EditionStatus.RESTORED
            && !r.get().figuresDigest().equals(c.figures())) {
          stale.add(
              org.planreports.core.Messages.bundle("review")
                  .get("review.publish.stale.figures", "publication", c.key().folderName()));
        }
        reviewed.add(c);
      }
      if (!stale.isEmpty()) {
        jobContext.putString(STALE, String.join("\n", stale));
        contribution.setExitStatus(new ExitStatus(JobParams.STALE));
        return RepeatStatus.FINISHED;
      }
      jobContext.putString(UNREVIEWED, String.join("\n", unreviewed));
      candidates = reviewed;
    }
    switch (PublishDecision.verdict(candidates.stream().map(Candidate::decision).toList())) {
      case UNREBUILDABLE ->
          // Before anything moves: a run names only editions that are on disk.
          throw new IllegalStateException(
              OperatorText.get(
                  "links.unrebuildable",
                  candidates.stream()
                      .flatMap(
                          c -> c.decision().lost().stream().map(n -> layout.edition(c.key(), n)))
                      .map(Path::toString)
                      .collect(Collectors.joining(WORDS.get("publication.list.separator")))));
      case REFUSED -> {
        jobContext.putString(REFUSED, folders(candidates, EditionStatus.REFUSED, layout));
        // Those whose own figures did not change are named too: they are not what was refused.
        jobContext.putString(UNCHANGED, folders(candidates, EditionStatus.UNCHANGED, layout));
        contribution.setExitStatus(new ExitStatus(JobParams.REFUSED));
        return RepeatStatus.FINISHED;
      }
      case PUBLISH -> {}
    }
    List<String> published = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.decision().status().publishes()) {
        published.add(publish(c, layout.edition(c.key(), c.edition()), plan, step));
      }
    }
    jobContext.putString(PUBLISHED, String.join("\n", published));
    jobContext.putString(UNCHANGED, folders(candidates, EditionStatus.UNCHANGED, layout));
    if (reviews != null && settings.mode() == RunMode.PUBLISH) {
      // Released (or found unchanged): their review copies have nothing left to review.
      for (Candidate c : candidates) {
        reviews.remove(c.key());
      }
    }
    return RepeatStatus.FINISHED;
  }

  /** What the decision needs to know of the latest edition history records. */
  private PublishDecision.Latest latest(StateStore.Edition e, List<Integer> missing) {
    Path output = settings.output();
    return new PublishDecision.Latest(
        e.edition(),
        e.contentDigest(),
        store.figuresDigest(output, e.region(), e.publication(), e.edition()),
        store.manifestDigest(output, e),
        e.reason(),
        missing.contains(e.edition()));
  }

  /** The edition folders of the candidates in {@code status}, one a line. */
  private static String folders(
      List<Candidate> candidates, EditionStatus status, OutputLayout layout) {
    return candidates.stream()
        .filter(c -> c.decision().status() == status)
        .map(c -> layout.edition(c.key(), c.edition()).toString())
        .collect(Collectors.joining("\n"));
  }

  /** Publishes one edition, history first; returns the line that names it. */
  private String publish(Candidate c, Path target, Plan plan, StepExecution step)
      throws IOException {
    String region = c.key().region();
    byte[] manifest =
        manifest(c.key(), c.dir(), c.figures(), c.edition(), c.decision().reason(), plan);
    if (c.decision().status() == EditionStatus.RESTORED) {
      // Its row stays MISSING until the folder is back: a run killed in between finds the
      // folder complete and marks it PUBLISHED (PublicationHistory.reconcile).
      StateStore.Edition lost =
          store.latestEdition(settings.output(), region, c.key().folderName()).get();
      write(c.dir(), target, manifest);
      history.markPublished(settings.state(), lost);
      return target + OperatorText.get("links.restored");
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
        throw new FileAlreadyExistsException(
            target.toString(), null, WORDS.format("publication.publish.notInHistory"));
      }
      write(c.dir(), target, manifest);
    } catch (IOException | RuntimeException e) {
      rollBack(edition, target, e);
      throw e;
    }
    history.markPublished(settings.state(), edition);
    return target.toString();
  }

  private static String sha(byte[] bytes) {
    return FileDigests.sha(bytes);
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

  /** The edition's manifest.json, built before anything moves (its digest goes into history). */
  private byte[] manifest(
      PublicationKey key, Path dir, String figures, int edition, String reason, Plan plan)
      throws IOException {
    List<Manifest.Entry> outputs = new ArrayList<>();
    for (Path f : ContentDigest.files(dir, true)) {
      outputs.add(new Manifest.Entry(f.getFileName().toString(), digests.sha(f), Files.size(f)));
    }
    List<Manifest.Entry> inputs = new ArrayList<>();
    for (InputFile in : settings.inputSet().files()) {
      inputs.add(new Manifest.Entry(in.name(), in.sha256(), in.size()));
    }
    return EditionManifest.write(
        settings.toolVersion(), plan, key, edition, figures, reason, inputs, outputs);
  }

  /** Writes the edition's files under a hidden name and moves the folder into place whole. */
  private static void write(Path dir, Path target, byte[] manifest) throws IOException {
    Path partial = AtomicFiles.partial(target);
    AtomicFiles.deleteTree(partial);
    Files.createDirectories(partial);
    for (Path f : ContentDigest.files(dir, true)) {
      AtomicFiles.writeFile(partial.resolve(f.getFileName()), Files.readAllBytes(f));
    }
    AtomicFiles.writeFile(partial.resolve(Manifest.FILE), manifest);
    AtomicFiles.move(partial, target);
  }
}
