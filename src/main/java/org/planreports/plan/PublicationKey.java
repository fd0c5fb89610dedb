package org.planreports.plan;

import java.util.Objects;

/** One publication: a region, a data year and a type. Its folder is {@code {year}-{type}}. */
public record PublicationKey(String region, int year, PublicationType type)
    implements Comparable<PublicationKey>, java.io.Serializable {

  public PublicationKey {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(type, "type");
  }

  public String folderName() {
    return year + "-" + type.id();
  }

  /** A file-name stem: {@code {region}-{year}-{type}}. */
  public String stem() {
    return region + "-" + folderName();
  }

  public static PublicationKey parse(String region, String folder) {
    int dash = folder.indexOf('-');
    return new PublicationKey(
        region,
        Integer.parseInt(folder.substring(0, dash)),
        PublicationType.fromId(folder.substring(dash + 1)));
  }

  @Override
  public int compareTo(PublicationKey o) {
    int c = Integer.compare(year, o.year);
    if (c == 0) {
      c = Integer.compare(type.rank(), o.type.rank());
    }
    return c != 0 ? c : type.id().compareTo(o.type.id());
  }
}
