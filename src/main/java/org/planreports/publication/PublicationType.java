package org.planreports.publication;

import org.planreports.assessment.Stage;

/** The publications of REPORTS.md, with the folder suffix and the name a reader sees. */
public enum PublicationType {
  ANNUAL("annual", "年度监测公报", Stage.ANNUAL),
  MIDTERM("midterm", "中期评估报告", Stage.MIDTERM),
  FINAL("final", "总结评估报告", Stage.FINAL),
  ZONE("zone", "高新区创建主要指标动态", Stage.ANNUAL);

  private final String id;
  private final String title;
  private final Stage stage;

  PublicationType(String id, String title, Stage stage) {
    this.id = id;
    this.title = title;
    this.stage = stage;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Stage stage() {
    return stage;
  }

  public static PublicationType fromId(String id) {
    for (PublicationType t : values()) {
      if (t.id.equalsIgnoreCase(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown assessment '" + id + "' (annual, midterm, final, zone)");
  }
}
