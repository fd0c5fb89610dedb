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

  /**
   * The correction reason; for review copies, the words that stand where the reason will be (the
   * reason is given to {@code publish}).
   */
  String reason() {
    if (request.mode().reviews()) {
      return org.planreports.core.Messages.bundle("review").get("review.reason.placeholder");
    }
    return request.reason();
  }

  RunMode mode() {
    return request.mode();
  }

  /** The folder of review copies, or null when the request named none. */
  Path review() {
    return request.review();
  }

  /** The publication date stamped on what is published, or null. */
  java.time.LocalDate date() {
    return request.date();
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

  /**
   * Whether a changed publication becomes a corrected edition (with a notice): a {@code rerun}, a
   * {@code publish --reason}, and review copies, which show the notice it would carry.
   */
  boolean rerun() {
    RunMode mode = request.mode();
    return mode.corrects()
        || mode.reviews()
        || (mode == RunMode.PUBLISH && request.reason() != null);
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
