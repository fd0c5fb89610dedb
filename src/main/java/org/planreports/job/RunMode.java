package org.planreports.job;

import java.util.Arrays;

/**
 * What an operator asked of a run: the command that started it, kept in the job parameters by its
 * id. {@code run --publish} publishes what is new, {@code rerun} publishes a corrected edition of
 * one publication, {@code validate} only checks the input, {@code run} (REVIEW) prepares review
 * copies and {@code publish} releases them.
 */
public enum RunMode {
  RUN("run"),
  RERUN("rerun"),
  VALIDATE("validate"),
  /** {@code run} without {@code --publish}: review copies (审阅稿), never an edition. */
  REVIEW("review"),
  /** {@code publish}: the reviewed copies released as editions, exactly as reviewed. */
  PUBLISH("publish");

  private final String id;

  RunMode(String id) {
    this.id = id;
  }

  /** The command's name, as kept in the job parameters and printed in suggested commands. */
  public String id() {
    return id;
  }

  /** Only the input is checked: the job is the validation job and nothing is published. */
  public boolean validateOnly() {
    return this == VALIDATE;
  }

  /** A corrected edition is published where a run would refuse to publish different figures. */
  public boolean corrects() {
    return this == RERUN;
  }

  /** Review copies only: nothing goes into the output folder or the publication history. */
  public boolean reviews() {
    return this == REVIEW;
  }

  /** Each start is a job instance of its own (stamped with the time): nothing to resume. */
  public boolean stamped() {
    return this == VALIDATE || this == REVIEW;
  }

  /** The mode of a job parameter; a run started before modes were typed had none: {@code run}. */
  public static RunMode fromId(String id) {
    if (id == null || id.isBlank()) {
      return RUN;
    }
    return Arrays.stream(values())
        .filter(m -> m.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown run mode: " + id));
  }
}
