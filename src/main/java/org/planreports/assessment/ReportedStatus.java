package org.planreports.assessment;

import java.math.BigDecimal;

/** The status word an office reports for a QUALITATIVE target, staged as its code. */
public enum ReportedStatus {
  DONE("已完成", 2),
  IN_PROGRESS("推进中", 1),
  NOT_STARTED("未启动", 0);

  private final String label;
  private final int code;

  ReportedStatus(String label, int code) {
    this.label = label;
    this.code = code;
  }

  public String label() {
    return label;
  }

  public int code() {
    return code;
  }

  public static ReportedStatus fromLabel(String text) {
    for (ReportedStatus s : values()) {
      if (s.label.equals(text == null ? null : text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("进展情况应为已完成、推进中或未启动，实为：" + text);
  }

  public static ReportedStatus fromCode(BigDecimal code) {
    for (ReportedStatus s : values()) {
      if (code != null && code.intValue() == s.code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown reported status code " + code);
  }
}
