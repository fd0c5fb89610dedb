package org.planreports.ingest;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What a workbook (.xlsx) may be before it is refused as hostile or too big (docs/input.md “Excel
 * workbooks”). A real extract is a few hundred rows; the limits are far above that and far below
 * what would exhaust memory: the sheets are read streaming, only the shared strings are held.
 *
 * @param fileBytes the workbook file (compressed)
 * @param entryBytes any one part once inflated (a sheet's XML)
 * @param sharedStringBytes the shared strings part once inflated (held in memory)
 * @param stylesBytes the styles part once inflated
 * @param rows rows of one workbook, all sheets together (Excel's own grid holds 1 048 576 per
 *     sheet)
 * @param minInflateRatio compressed / inflated below this is a zip bomb
 */
public record WorkbookLimits(
    long fileBytes,
    long entryBytes,
    long sharedStringBytes,
    long stylesBytes,
    long rows,
    double minInflateRatio) {

  /** The limits every run applies. */
  public static final WorkbookLimits DEFAULT =
      new WorkbookLimits(
          64L << 20, // 64 MiB of .xlsx
          512L << 20, // 512 MiB of one sheet's XML
          32L << 20, // 32 MiB of shared strings
          8L << 20, // 8 MiB of styles
          1_048_576L,
          0.01);

  /** Sets the zip limits of Apache POI (process-wide: the only workbooks this tool opens). */
  void applyZipLimits() {
    ZipSecureFile.setMinInflateRatio(minInflateRatio);
    ZipSecureFile.setMaxEntrySize(entryBytes);
    ZipSecureFile.setMaxTextSize(sharedStringBytes);
    ZipSecureFile.setMaxFileCount(1000);
  }
}
