package org.planreports.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.planreports.report.PublicationContent;

/**
 * The digest of a publication's own figures: SHA-256 over the figures it prints (see {@link
 * PublicationContent#figures()}) and, for a corrected edition, its correction notice's figures
 * (which edition it corrects and every changed cell, old and new; not the reason). It decides
 * whether a publication changed: the input files' names and digests, which its provenance prints,
 * do not count, so correcting a figure another publication prints leaves this one unchanged.
 */
public final class FiguresDigest {

  /** Changes when what the digest covers changes, so that digests of two versions never meet. */
  static final String SCHEME = "plan-reports figures digest 1";

  private FiguresDigest() {}

  public static String of(PublicationContent content, Optional<CorrectionNotice> notice) {
    MessageDigest sha = sha256();
    update(sha, SCHEME);
    for (String line : content.figures()) {
      update(sha, line);
    }
    if (notice.isPresent()) {
      CorrectionNotice n = notice.get();
      update(sha, "notice " + n.edition() + " " + n.corrects());
      for (CorrectionNotice.Change c : n.changes()) {
        update(
            sha,
            String.join(
                "\u0000",
                c.file(),
                c.table(),
                c.seq(),
                c.indicator(),
                c.column(),
                c.oldValue(),
                c.newValue()));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
    sha.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
