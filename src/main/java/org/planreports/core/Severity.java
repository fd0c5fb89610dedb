package org.planreports.core;

import java.util.Locale;

/** How bad a finding is; its word comes from {@code messages/input.properties}. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return Messages.bundle("input").format("input.severity." + name().toLowerCase(Locale.ROOT));
  }
}
