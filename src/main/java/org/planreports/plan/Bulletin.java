package org.planreports.plan;

import java.util.Objects;

/**
 * A thematic bulletin the plan promises besides the annual, mid-term and final publications (for
 * example a development zone's 主要指标动态): its id (the folder suffix and {@code --assessment} value)
 * and title. It carries the tables that name its id among their publications.
 */
public record Bulletin(String id, String title) {

  public Bulletin {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }
}
