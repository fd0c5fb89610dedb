package org.planreports.assessment;

import java.util.Arrays;

/** Notes written in tables as "CODE arg arg": {@code MILESTONE_LATE 2024 2023}. */
final class Notes {

  private Notes() {}

  static Note parse(String spec) {
    String[] parts = spec.strip().split("\\s+");
    return Note.of(
        NoteCode.valueOf(parts[0]), (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
  }
}
