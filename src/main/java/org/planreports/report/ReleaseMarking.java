package org.planreports.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planreports.core.Messages;

/**
 * Marks a publication as what it is: a review copy (审阅稿: every page watermarked, the cover says it
 * is not released) or a released edition (the cover and the PDF metadata carry its publication
 * date, 发布日期). Neither reads the clock: the same content and date give the same bytes.
 */
public final class ReleaseMarking {

  private static final Messages WORDS = Messages.bundle("review");

  /** Section parameter: the page belongs to a review copy ({@link Watermark#of}). */
  public static final String REVIEW = "REVIEW";

  /** Cover parameter: the line that says the copy is not released. */
  public static final String STATUS = "STATUS";

  /** Cover parameter: the publication date line. */
  public static final String RELEASED = "RELEASED";

  private static final String COVER = "cover";

  /** The title block's subtitle parameter (text and commentary templates). */
  private static final String SUBTITLE = "SUBTITLE";

  private ReleaseMarking() {}

  /** The review copy of a publication: every section marked, the cover saying it is unreleased. */
  public static PublicationContent review(PublicationContent content) {
    List<Section> sections = new ArrayList<>();
    for (Section s : content.sections()) {
      Map<String, Object> p = new LinkedHashMap<>(s.params());
      p.put(REVIEW, Boolean.TRUE);
      if (COVER.equals(s.template())) {
        p.put(STATUS, WORDS.get("review.cover.status"));
      }
      sections.add(new Section(s.template(), s.bookmark(), p, s.rows()));
    }
    return with(
        content, titleBlock(sections, WORDS.get("review.cover.status")), content.documentDate());
  }

  /** The publication as released on {@code date}: on its cover and as the PDF's creation date. */
  public static PublicationContent released(PublicationContent content, LocalDate date) {
    List<Section> sections = new ArrayList<>();
    for (Section s : content.sections()) {
      if (COVER.equals(s.template())) {
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        p.put(RELEASED, WORDS.get("review.cover.released", "date", chinese(date)));
        sections.add(new Section(s.template(), s.bookmark(), p, s.rows()));
      } else {
        sections.add(s);
      }
    }
    return with(
        content,
        titleBlock(sections, WORDS.get("review.cover.released", "date", chinese(date))),
        date);
  }

  /**
   * A bulletin has no cover: its title block (the first section with a subtitle) is where a reader
   * looks for the date and the review mark, so the line goes under its subtitle.
   */
  private static List<Section> titleBlock(List<Section> sections, String line) {
    if (sections.stream().anyMatch(s -> COVER.equals(s.template()))) {
      return sections;
    }
    List<Section> marked = new ArrayList<>(sections);
    for (int i = 0; i < marked.size(); i++) {
      Section s = marked.get(i);
      if (s.params().get(SUBTITLE) instanceof String subtitle) {
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        p.put(SUBTITLE, subtitle + "\n" + line);
        marked.set(i, new Section(s.template(), s.bookmark(), p, s.rows()));
        break;
      }
    }
    return marked;
  }

  /** A date as the cover prints it: 2024年3月15日. */
  static String chinese(LocalDate date) {
    return WORDS.get(
        "review.cover.date",
        "year",
        String.valueOf(date.getYear()),
        "month",
        date.getMonthValue(),
        "day",
        date.getDayOfMonth());
  }

  /** Whether a section's pages belong to a review copy. */
  static boolean review(Section s) {
    return Boolean.TRUE.equals(s.params().get(REVIEW));
  }

  private static PublicationContent with(
      PublicationContent c, List<Section> sections, LocalDate date) {
    return new PublicationContent(
        c.key(),
        c.title(),
        c.subject(),
        c.keywords(),
        c.author(),
        c.dataVintage(),
        c.sample(),
        date,
        sections,
        c.companions(),
        c.tableRefs(),
        c.figures());
  }
}
