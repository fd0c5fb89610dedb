package org.planreports.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.planreports.publication.OutputLayout;

/**
 * What a step reads of its run: the request it was started with ({@link RunRequest#from}) and the
 * plan and input set loaded for the run ({@link RunInputs}). Built only in step-scoped beans.
 */
record RunSettings(RunRequest request, RunInputs inputs) {

  Path input() {
    return request.input();
  }

  Path output() {
    return request.output();
  }

  Path state() {
    return request.state();
  }

  Integer year() {
    return request.year();
  }

  PublicationType assessment() {
    return request.assessment();
  }

  String reason() {
    return request.reason();
  }

  String toolVersion() {
    return request.toolVersion();
  }

  Path validation() {
    return request.validation();
  }

  /** The plan, loaded once per run. */
  Plan plan() {
    return inputs.plan();
  }

  /** The input files and their digests, hashed once per run. */
  InputSet inputSet() {
    return inputs.inputSet();
  }

  Charset charset() {
    String encoding = request.encoding();
    return encoding == null ? null : Charset.forName(encoding);
  }

  boolean rerun() {
    return request.mode().corrects();
  }

  /** Where a run prepares its files before they are published. */
  Path work(long runKey) {
    return request.work().resolve(String.valueOf(runKey));
  }

  /** Where edition {@code n} of a publication is published. */
  Path edition(PublicationKey key, int n) {
    return new OutputLayout(output()).edition(key, n);
  }

  boolean wants(PublicationKey key) {
    return (year() == null || key.year() == year())
        && (assessment() == null || key.type().equals(assessment()));
  }
}
