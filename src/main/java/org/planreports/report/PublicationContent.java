package org.planreports.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planreports.plan.PublicationKey;

/**
 * Everything a publication shows, computed from the data: its sections for the PDF and the bytes of
 * its companion CSVs (file name → content). Rendering adds nothing but layout.
 */
public record PublicationContent(
    PublicationKey key,
    String title,
    String subject,
    String keywords,
    String author,
    String dataVintage,
    boolean sample,
    LocalDate documentDate,
    List<Section> sections,
    Map<String, byte[]> companions,
    Map<String, String> tableRefs,
    List<String> figures)
    implements Serializable {

  /**
   * @param tableRefs each of the plan's tables as this publication numbers it (plan table N → this
   *     publication's 表M), so a correction notice cites a row where the reader finds it
   * @param figures the figures it prints, one canonical line each (see PrintedFigures): what its
   *     figures digest is computed from
   */
  public PublicationContent {
    sections = List.copyOf(sections);
    companions = new TreeMap<>(companions);
    tableRefs = new TreeMap<>(tableRefs);
    figures = List.copyOf(figures);
  }

  /** A publication put together by hand (tests, samples): no figures recorded. */
  public PublicationContent(
      PublicationKey key,
      String title,
      String subject,
      String keywords,
      String author,
      String dataVintage,
      boolean sample,
      LocalDate documentDate,
      List<Section> sections,
      Map<String, byte[]> companions,
      Map<String, String> tableRefs) {
    this(
        key,
        title,
        subject,
        keywords,
        author,
        dataVintage,
        sample,
        documentDate,
        sections,
        companions,
        tableRefs,
        List.of());
  }
}
