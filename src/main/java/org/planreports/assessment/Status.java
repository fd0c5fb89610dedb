package org.planreports.assessment;

import java.util.EnumSet;
import java.util.Set;
import org.planreports.core.Messages;

/**
 * 评估结论. 已完成 to 逆向变化 are the annual-monitoring and mid-term classes, 推进中 and 未启动 the ones of a
 * QUALITATIVE target as its office reports it, 完成/基本完成/未完成 the final-evaluation ones; 数据不足 is
 * shared. Colours are cell fills light enough for black text.
 */
public enum Status {
  COMPLETED("#63BE7B", true),
  ON_SCHEDULE("#C6EFCE", false),
  NEARLY_ON_SCHEDULE("#FFEB84", false),
  BEHIND_SCHEDULE("#F4B183", false),
  FAR_BEHIND_SCHEDULE("#F8696B", false),
  REVERSED("#F8696B", false),
  IN_PROGRESS("#DDEBF7", false),
  NOT_STARTED("#F8CBAD", false),
  ACHIEVED("#63BE7B", true),
  NEARLY_ACHIEVED("#FFEB84", false),
  NOT_ACHIEVED("#F8696B", false),
  INSUFFICIENT_DATA("#D9D9D9", false);

  private static final Set<Status> FINAL =
      EnumSet.of(ACHIEVED, NEARLY_ACHIEVED, NOT_ACHIEVED, INSUFFICIENT_DATA);
  private static final Set<Status> LAGGING =
      EnumSet.of(BEHIND_SCHEDULE, FAR_BEHIND_SCHEDULE, REVERSED);

  private static final Messages WORDS = Messages.bundle("assessment");

  private final String colour;
  private final boolean met;

  Status(String colour, boolean met) {
    this.colour = colour;
    this.met = met;
  }

  /** The conclusion as printed: {@code assessment.status.NAME} of the assessment bundle. */
  public String label() {
    return WORDS.format("assessment.status." + name());
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
      if (status.label().equals(text == null ? null : text.strip())) {
        return status;
      }
    }
    throw new IllegalArgumentException(WORDS.format("assessment.status.unknown", text));
  }
}
