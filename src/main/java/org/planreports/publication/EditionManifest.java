package org.planreports.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;

/**
 * The {@code manifest.json} an edition is published with: its header (tool, plan, publication,
 * edition and, for a correction, the edition it corrects and why), then every input and output file
 * with its digest ({@link Manifest}).
 */
public final class EditionManifest {

  private EditionManifest() {}

  /**
   * The manifest's bytes.
   *
   * @param figures the edition's figures digest, or null
   * @param reason the correction reason, or null: only an edition after the first corrects one
   */
  public static byte[] write(
      String toolVersion,
      Plan plan,
      PublicationKey key,
      int edition,
      String figures,
      String reason,
      List<Manifest.Entry> inputs,
      List<Manifest.Entry> outputs) {
    return Manifest.write(
        header(toolVersion, plan, key, edition, figures, reason), inputs, outputs);
  }

  static Map<String, String> header(
      String toolVersion,
      Plan plan,
      PublicationKey key,
      int edition,
      String figures,
      String reason) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("tool", "plan-reports");
    header.put("tool_version", toolVersion);
    header.put("plan", plan.meta().id());
    header.put("plan_version", plan.meta().version());
    header.put("plan_digest", plan.digest());
    header.put("region", key.region());
    header.put("publication", key.folderName());
    header.put("edition", String.valueOf(edition));
    if (figures != null) {
      // So that a history rebuilt from the output still knows what its figures were.
      header.put("figures_digest", figures);
    }
    if (reason != null && edition > 1) {
      header.put("corrects_edition", String.valueOf(edition - 1));
      header.put("reason", reason);
    }
    return header;
  }
}
