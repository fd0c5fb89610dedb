package org.planreports.job;

import java.util.Arrays;

/**
 * What an operator asked of a run: the command that started it, kept in the job parameters by its
 * id. {@code run} publishes what is new, {@code rerun} publishes a corrected edition of one
 * publication, {@code validate} only checks the input.
 */
public enum RunMode {
  RUN("run"),
  RERUN("rerun"),
  VALIDATE("validate");

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
