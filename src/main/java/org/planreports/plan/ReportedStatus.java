package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.planreports.assessment.Observation;
import org.planreports.core.Messages;

/**
 * The progress word an office reports for a QUALITATIVE target. The extract carries the word; the
 * staged value, and so the {@link Observation} the assessment reads, is its {@link #code()}.
 */
public enum ReportedStatus {
  DONE(2),
  IN_PROGRESS(1),
  NOT_STARTED(0);

  private final BigDecimal code;

  ReportedStatus(int code) {
    this.code = BigDecimal.valueOf(code);
  }

  /** The word, from {@code messages/plan-check.properties} (key {@code plan.status.NAME}). */
  public String label() {
    return Messages.bundle("plan-check").format("plan.status." + name().toLowerCase(Locale.ROOT));
  }

  /** The words as an expected-value text for findings and templates. */
  public static String expectedWords() {
    return Messages.bundle("plan-check").format("plan.status.expected");
  }

  /** The numeric code staged for the word: 2, 1 or 0. */
  public BigDecimal code() {
    return code;
  }

  /** The status whose word is {@code text} (surrounding blanks ignored), or empty. */
  public static Optional<ReportedStatus> fromLabel(String text) {
    if (text != null) {
      String trimmed = text.strip();
      for (ReportedStatus status : values()) {
        if (status.label().equals(trimmed)) {
          return Optional.of(status);
        }
      }
    }
    return Optional.empty();
  }

  /** The status whose code is {@code code} (2, 1 or 0, any scale). */
  public static ReportedStatus fromCode(BigDecimal code) {
    if (code != null) {
      for (ReportedStatus status : values()) {
        if (status.code.compareTo(code) == 0) {
          return status;
        }
      }
    }
    throw new IllegalArgumentException(
        Messages.bundle("plan-check")
            .format("plan.status.code", code == null ? null : code.toPlainString()));
  }
}
