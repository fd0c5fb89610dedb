package org.planreports.job;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code plan-reports.*} (defaults in application.yaml; an environment variable such
 * as {@code PLANREPORTS_CHUNKSIZE} overrides them).
 *
 * @param chunkSize extract rows staged per transaction by the ingest step
 * @param districtThreads districts of a city-wide run worked on at once; 0 (the default) is one per
 *     core of the machine
 */
@ConfigurationProperties("plan-reports")
public record PlanReportsProperties(int chunkSize, int districtThreads) {

  public PlanReportsProperties {
    if (districtThreads < 0) {
      throw new IllegalArgumentException(
          "plan-reports.district-threads must be 0 (one per core) or more: " + districtThreads);
    }
    if (districtThreads == 0) {
      districtThreads = Runtime.getRuntime().availableProcessors();
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException(
          "plan-reports.chunk-size must be at least 1: " + chunkSize);
    }
  }
}
