package org.planreports.assessment;

import java.util.EnumSet;
import java.util.Set;

/**
 * 评估结论. 已完成 to 逆向变化 are the annual-monitoring and mid-term classes, 推进中 and 未启动 the ones of a
 * QUALITATIVE target as its office reports it, 完成/基本完成/未完成 the final-evaluation ones; 数据不足 is
 * shared. Colours are cell fills light enough for black text.
 */
public enum Status {
  COMPLETED("已完成", "#63BE7B", true),
  ON_SCHEDULE("达到时序进度", "#C6EFCE", false),
  NEARLY_ON_SCHEDULE("基本达到时序进度", "#FFEB84", false),
  BEHIND_SCHEDULE("滞后于时序进度", "#F4B183", false),
  FAR_BEHIND_SCHEDULE("明显滞后", "#F8696B", false),
  REVERSED("逆向变化", "#F8696B", false),
  IN_PROGRESS("推进中", "#DDEBF7", false),
  NOT_STARTED("未启动", "#F8CBAD", false),
  ACHIEVED("完成", "#63BE7B", true),
  NEARLY_ACHIEVED("基本完成", "#FFEB84", false),
  NOT_ACHIEVED("未完成", "#F8696B", false),
  INSUFFICIENT_DATA("数据不足", "#D9D9D9", false);

  private static final Set<Status> FINAL =
      EnumSet.of(ACHIEVED, NEARLY_ACHIEVED, NOT_ACHIEVED, INSUFFICIENT_DATA);
  private static final Set<Status> LAGGING =
      EnumSet.of(BEHIND_SCHEDULE, FAR_BEHIND_SCHEDULE, REVERSED);

  private final String label;
  private final String colour;
  private final boolean met;

  Status(String label, String colour, boolean met) {
    this.label = label;
    this.colour = colour;
    this.met = met;
  }

  public String label() {
    return label;
  }

  /** Hex RGB fill for the status cell, e.g. "#63BE7B". */
  public String colour() {
    return colour;
  }

  /** Counts towards 指标完成率: 已完成 or 完成. */
  public boolean isMet() {
    return met;
  }

  /**
   * 滞后于时序进度 or worse: raises a 预警 in annual monitoring. 推进中 and 未启动 are not lagging by themselves;
   * whether they raise a 预警 depends on the year (see {@link Assessor}).
   */
  public boolean isLagging() {
    return LAGGING.contains(this);
  }

  /** One of the final-evaluation classes 完成, 基本完成, 未完成 (or the shared 数据不足). */
  public boolean isFinalClass() {
    return FINAL.contains(this);
  }

  public static Status fromLabel(String text) {
    for (Status status : values()) {
      if (status.label.equals(text == null ? null : text.strip())) {
        return status;
      }
    }
    throw new IllegalArgumentException("无法识别的评估结论：" + text);
  }
}
