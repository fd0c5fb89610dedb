package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Optional;
import org.planreports.assessment.Observation;

/**
 * The progress word an office reports for a QUALITATIVE target. The extract carries the word; the
 * staged value, and so the {@link Observation} the assessment reads, is its {@link #code()}.
 */
public enum ReportedStatus {
  DONE("已完成", 2),
  IN_PROGRESS("推进中", 1),
  NOT_STARTED("未启动", 0);

  /** The words as an expected-value text for findings and templates. */
  public static final String EXPECTED_WORDS = "已完成、推进中或未启动";

  private final String label;
  private final BigDecimal code;

  ReportedStatus(String label, int code) {
    this.label = label;
    this.code = BigDecimal.valueOf(code);
  }

  public String label() {
    return label;
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
        if (status.label.equals(trimmed)) {
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
        "定性指标的进展代码应为2（已完成）、1（推进中）或0（未启动），实为：" + (code == null ? null : code.toPlainString()));
  }
}
