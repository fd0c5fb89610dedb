package org.planreports.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;

/** A run's settings, read from its job parameters (built only in step-scoped beans). */
record RunSettings(
    Path input,
    Path output,
    Path state,
    String planFile,
    Integer year,
    PublicationType assessment,
    String mode,
    String reason,
    String encoding,
    String toolVersion,
    String planDigest,
    String inputDigest,
    Path validation,
    Path workRoot) {

  RunSettings {
    validation = validation == null ? output.resolve("validation") : validation;
    workRoot = workRoot == null ? state.resolve("work") : workRoot;
  }

  /** The plan, loaded once per run (see {@link RunInputs}). */
  Plan plan() {
    if (planDigest == null || planDigest.isBlank()) {
      return load();
    }
    return RunInputs.plan(planFile, planDigest, this::load);
  }

  private Plan load() {
    return planFile == null || planFile.isBlank()
        ? PlanLoader.loadDefault()
        : PlanLoader.load(Path.of(planFile));
  }

  /** The input files and their digests, hashed once per run (see {@link RunInputs}). */
  InputSet inputSet() {
    if (inputDigest == null || inputDigest.isBlank()) {
      return InputSet.scan(input);
    }
    return RunInputs.inputSet(input, inputDigest, () -> InputSet.scan(input));
  }

  Charset charset() {
    return encoding == null || encoding.isBlank() ? null : Charset.forName(encoding);
  }

  boolean rerun() {
    return "rerun".equals(mode);
  }

  /** Where a run prepares its files before they are published. */
  Path work(long runKey) {
    return workRoot.resolve(String.valueOf(runKey));
  }

  /** Where edition {@code n} of a publication is published. */
  Path edition(PublicationKey key, int n) {
    return new org.planreports.publication.OutputLayout(output).edition(key, n);
  }

  boolean wants(PublicationKey key) {
    return (year == null || key.year() == year)
        && (assessment == null || key.type().equals(assessment));
  }
}
