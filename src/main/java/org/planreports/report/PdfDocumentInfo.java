package org.planreports.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Document metadata written to the PDF Info dictionary and XMP packet.
 *
 * <p>The creation date comes from the caller (the run's data vintage or parameters), never from the
 * clock, so that the same input gives the same bytes.
 *
 * @param title document title (dc:title), shown in the viewer's title bar
 * @param author the publishing body (dc:creator)
 * @param subject short description (dc:description)
 * @param keywords comma-separated keywords (pdf:Keywords)
 * @param language BCP 47 tag of the document language, e.g. {@code zh-CN}
 * @param creationDate used for both CreationDate and ModDate
 */
public record PdfDocumentInfo(
    String title,
    String author,
    String subject,
    String keywords,
    String language,
    ZonedDateTime creationDate) {

  /** The time zone of the publishing body; used when only a calendar date is known. */
  public static final ZoneId CHINA_STANDARD_TIME = ZoneId.of("Asia/Shanghai");

  public PdfDocumentInfo {
    requireText(title, "title");
    requireText(author, "author");
    requireText(language, "language");
    Objects.requireNonNull(creationDate, "creationDate");
    subject = subject == null ? "" : subject;
    keywords = keywords == null ? "" : keywords;
    // PDF dates have whole seconds; dropping the rest keeps Info and XMP dates equal.
    creationDate = creationDate.withNano(0);
  }

  /** Metadata dated at midnight China Standard Time of {@code creationDate}. */
  public static PdfDocumentInfo of(
      String title,
      String author,
      String subject,
      String keywords,
      String language,
      LocalDate creationDate) {
    Objects.requireNonNull(creationDate, "creationDate");
    return new PdfDocumentInfo(
        title, author, subject, keywords, language, creationDate.atStartOfDay(CHINA_STANDARD_TIME));
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
