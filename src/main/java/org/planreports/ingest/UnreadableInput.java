package org.planreports.ingest;

import java.io.IOException;
import org.planreports.core.Finding;

/**
 * Raised while an extract is being read when the rest of it cannot be read (an undecodable byte, a
 * control character): the finding says where and why; the rows read before it stand.
 */
final class UnreadableInput extends IOException {

  private final transient Finding finding;

  UnreadableInput(Finding finding) {
    super(finding.message());
    this.finding = finding;
  }

  Finding finding() {
    return finding;
  }
}
