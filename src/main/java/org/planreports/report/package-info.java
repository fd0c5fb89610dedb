/**
 * Report rendering: build-compiled JasperReports templates filled and exported as PDF/A-2a.
 *
 * <p>Use {@link org.planreports.report.PdfRenderer}: {@code loadTemplate(name)} loads {@code
 * /reports/<name>.jasper} (compiled from {@code reports/<name>.jrxml} by {@link
 * org.planreports.report.TemplateCompiler} at build time), {@code fill(report, params, ds)}, then
 * {@code export(prints, info)} with a {@link org.planreports.report.PdfDocumentInfo}.
 *
 * <p>Template conventions (see {@code reports/render-selfcheck.jrxml}):
 *
 * <ul>
 *   <li>fonts: {@code fontName="Noto Serif CJK SC"} for body and tables, {@code "Noto Sans CJK SC"}
 *       (normal and bold) for headings; no other font name is allowed, and a character that the
 *       font lacks fails the export with {@link org.planreports.report.MissingGlyphException};
 *   <li>bookmarks: an {@code anchorNameExpression} plus {@code bookmarkLevel} on the element;
 *   <li>headings for the structure tree: property {@code
 *       net.sf.jasperreports.export.accessibility.tag} = {@code h1}, {@code h2}, ...;
 *   <li>page "x / y": two text fields, {@code $V{PAGE_NUMBER} + " /"} evaluated now and {@code " "
 *       + $V{PAGE_NUMBER}} with {@code evaluationTime="Report"};
 *   <li>charts: an image element whose expression returns a {@link
 *       org.planreports.report.TrendChart}, with {@code <hyperlinkTooltipExpression>} giving the
 *       alternative text (JasperReports 7 writes the tooltip as the Figure's /Alt).
 * </ul>
 */
package org.planreports.report;
