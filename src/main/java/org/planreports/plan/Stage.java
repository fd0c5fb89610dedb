package org.planreports.plan;

/** The three kinds of assessment the plan commits to: 动态监测、中期评估和总结评估. */
public enum Stage {
  ANNUAL("年度监测"),
  MIDTERM("中期评估"),
  FINAL("总结评估");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
