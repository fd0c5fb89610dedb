package org.planreports.job;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code plan-reports.*} (defaults in application.yaml; an environment variable such
 * as {@code PLANREPORTS_CHUNKSIZE} overrides them).
 *
 * @param chunkSize extract rows staged per transaction by the ingest step
 */
@ConfigurationProperties("plan-reports")
public record PlanReportsProperties(int chunkSize) {

  public PlanReportsProperties {
    if (chunkSize < 1) {
      throw new IllegalArgumentException(
          "plan-reports.chunk-size must be at least 1: " + chunkSize);
    }
  }
}
