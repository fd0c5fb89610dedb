package org.planreports.core;

import java.util.List;

/**
 * The publications' sentences and labels, from {@code messages/report-zh.properties}: {@link
 * Messages} with the two helpers a publication's text needs. A message's {name} placeholders are
 * filled from name/value pairs; a missing message or value is an error, so no sentence goes out
 * half-written.
 */
public final class Wording {

  private static final Wording ZH = new Wording(Messages.bundle("report-zh"));

  private final Messages messages;

  private Wording(Messages messages) {
    this.messages = messages;
  }

  public static Wording zh() {
    return ZH;
  }

  /** The message {@code key} with {@code pairs} (name, value, name, value …) filled in. */
  public String get(String key, Object... pairs) {
    return messages.get(key, pairs);
  }

  /** Items joined as an enumeration: 甲、乙、丙. */
  public String enumerate(List<String> items) {
    return String.join(get("list.enum"), items);
  }

  /** The section numeral for position {@code i} (0: 一). */
  public String numeral(int i) {
    return get("numerals").split(",")[i];
  }
}
