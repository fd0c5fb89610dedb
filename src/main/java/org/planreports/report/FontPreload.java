package org.planreports.report;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import org.planreports.core.Glyphs;
import org.planreports.core.Messages;

/**
 * Loads the bundled fonts on a background thread while the JVM starts the job (Spring, the state
 * database, ingest), which runs on one core: the AWT faces the glyph check at ingest and the fill
 * measure with, and OpenPDF's faces for the export ({@link PdfFonts}). Together about a second of
 * work that otherwise waits on the main thread, before the first characters are checked and before
 * the first PDF is exported.
 *
 * <p>Nothing here changes what is loaded, only when: the main thread, when it gets there first or
 * the preload fails, loads the same fonts itself (a class initialiser and a lock make each load
 * happen once).
 */
public final class FontPreload {

  private FontPreload() {}

  /**
   * Starts the preload; returns at once.
   *
   * @param forExport also OpenPDF's faces (for a command that exports PDFs)
   */
  public static Thread start(boolean forExport) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Glyphs.firstUndrawable(Messages.bundle("fonts").format("fonts.preload.sample"));
                if (forExport) {
                  PdfFonts.load(DefaultJasperReportsContext.getInstance());
                }
              } catch (RuntimeException | LinkageError e) {
                // The main thread loads them again where they are needed and reports the failure.
              }
            },
            "font-preload");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
