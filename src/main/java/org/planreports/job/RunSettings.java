package org.planreports.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.publication.PublicationKey;
import org.planreports.publication.PublicationType;

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
    String toolVersion) {

  Plan plan() {
    return planFile == null || planFile.isBlank()
        ? PlanLoader.loadDefault()
        : PlanLoader.load(Path.of(planFile));
  }

  InputSet inputSet() {
    return InputSet.scan(input);
  }

  Charset charset() {
    return encoding == null || encoding.isBlank() ? null : Charset.forName(encoding);
  }

  boolean rerun() {
    return "rerun".equals(mode);
  }

  /** Where a run prepares its files before they are published. */
  Path work(long runKey) {
    return state.resolve("work").resolve(String.valueOf(runKey));
  }

  /** Where edition {@code n} of a publication is published. */
  Path edition(PublicationKey key, int n) {
    return output.resolve(key.region()).resolve(key.folderName()).resolve("edition-" + n);
  }

  boolean wants(PublicationKey key) {
    return (year == null || key.year() == year)
        && (assessment == null || key.type().equals(assessment));
  }
}
