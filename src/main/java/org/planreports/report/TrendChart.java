package org.planreports.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.planreports.core.Wording;

/**
 * A line chart of an indicator's yearly values, its target and the path needed to reach it, drawn
 * with JFreeChart straight onto the exporter's Graphics2D: vector paths and real text in the
 * bundled "Noto Sans CJK SC" font in the PDF, no raster image.
 *
 * <p>In a JRXML image element:
 *
 * <pre>{@code
 * <variable name="chart" class="org.planreports.report.TrendChart" calculation="Nothing">
 *   <expression><![CDATA[org.planreports.report.TrendChart.of($P{title}, $P{unit},
 *       java.util.List.of(org.planreports.report.TrendChart.point(baseYear, 2.1), ...),
 *       org.planreports.report.TrendChart.point(targetYear, 3.0),
 *       java.util.List.of(...))]]></expression>
 * </variable>
 * <element kind="image" ... scaleImage="RetainShape">
 *   <expression><![CDATA[$V{chart}]]></expression>
 *   <hyperlinkTooltipExpression><![CDATA[$V{chart}.altText()]]></hyperlinkTooltipExpression>
 * </element>
 * }</pre>
 *
 * The tooltip becomes the /Alt text of the Figure in the tagged PDF.
 */
public final class TrendChart implements Graphics2DRenderable, Renderable {

  @Serial private static final long serialVersionUID = 1L;

  private static final Wording W = Wording.zh();
  static final String SERIES_VALUES = W.get("chart.series.values");
  static final String SERIES_PATH = W.get("chart.series.path");
  static final String SERIES_TARGET = W.get("chart.series.target");
  static final String AXIS_YEAR = W.get("chart.axis.year");

  private static final Color VALUE_COLOR = new Color(0x1F, 0x4E, 0x79);
  private static final Color TARGET_COLOR = new Color(0xC0, 0x39, 0x2B);
  private static final Color PATH_COLOR = new Color(0x7F, 0x7F, 0x7F);
  private static final Color GRID_COLOR = new Color(0xD9, 0xD9, 0xD9);

  /** One year's value. */
  public record Point(int year, double value) implements Serializable {
    public Point {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value for " + year + " is not a finite number");
      }
    }
  }

  private final String title;
  private final String unit;
  private final List<Point> values;
  private final Point target;
  private final List<Point> requiredPath;
  private final boolean drawTitle;

  private TrendChart(
      String title, String unit, List<Point> values, Point target, List<Point> requiredPath) {
    this(title, unit, values, target, requiredPath, true);
  }

  private TrendChart(
      String title,
      String unit,
      List<Point> values,
      Point target,
      List<Point> requiredPath,
      boolean drawTitle) {
    this.drawTitle = drawTitle;
    this.title = Objects.requireNonNull(title, "title");
    this.unit = unit == null ? "" : unit;
    this.values = List.copyOf(values);
    this.target = target;
    this.requiredPath = requiredPath == null ? List.of() : List.copyOf(requiredPath);
    if (this.values.isEmpty()) {
      throw new IllegalArgumentException("a trend chart needs at least one value");
    }
    checkGlyphs();
  }

  /** A year's value; {@code value} may be a {@link BigDecimal} read from the data. */
  public static Point point(int year, Number value) {
    return new Point(year, Objects.requireNonNull(value, "value").doubleValue());
  }

  /**
   * @param title chart title, e.g. the indicator name
   * @param unit unit label for the value axis, e.g. {@code %} or {@code 亿元}
   * @param values the observed values, one per year
   * @param target the target value and its year, or {@code null} if the indicator has no numeric
   *     target
   * @param requiredPath the path the values must follow to reach the target (may be empty)
   */
  public static TrendChart of(
      String title, String unit, List<Point> values, Point target, List<Point> requiredPath) {
    return new TrendChart(title, unit, values, target, requiredPath);
  }

  /** Same as {@link #of(String, String, List, Point, List)} with parallel arrays. */
  public static TrendChart of(
      String title,
      String unit,
      int[] years,
      double[] values,
      Double target,
      Integer targetYear,
      int[] pathYears,
      double[] pathValues) {
    return of(
        title,
        unit,
        points(years, values),
        target == null || targetYear == null ? null : new Point(targetYear, target),
        pathYears == null ? List.of() : points(pathYears, pathValues));
  }

  private static List<Point> points(int[] years, double[] values) {
    if (years.length != values.length) {
      throw new IllegalArgumentException("years and values differ in length");
    }
    List<Point> points = new ArrayList<>(years.length);
    for (int i = 0; i < years.length; i++) {
      points.add(new Point(years[i], values[i]));
    }
    return points;
  }

  public String title() {
    return title;
  }

  public List<Point> values() {
    return values;
  }

  public String unit() {
    return unit;
  }

  /** The target and its year, or null. */
  public Point target() {
    return target;
  }

  public List<Point> requiredPath() {
    return requiredPath;
  }

  /**
   * The same chart without its title drawn inside the plot area, for a layout that prints a “图N 标题”
   * caption under it; the title stays in the alternative text.
   */
  public TrendChart withoutDrawnTitle() {
    return new TrendChart(title, unit, values, target, requiredPath, false);
  }

  /** A sentence describing the chart, for the PDF's alternative text. */
  public String altText() {
    NumberFormat format = valueFormat();
    StringBuilder alt =
        new StringBuilder(
            W.get(
                "chart.alt.title",
                "title",
                title,
                "unit",
                unit.isEmpty() ? "" : W.get("chart.alt.unit", "unit", unit)));
    List<String> points = new ArrayList<>();
    for (Point p : values) {
      points.add(W.get("chart.alt.point", "year", p.year(), "value", format.format(p.value())));
    }
    alt.append(W.get("chart.alt.points", "points", String.join(W.get("list.sep"), points)));
    if (target != null) {
      alt.append(
          W.get("chart.alt.target", "year", target.year(), "value", format.format(target.value())));
    }
    if (requiredPath.size() > 1) {
      Point first = requiredPath.get(0);
      Point last = requiredPath.get(requiredPath.size() - 1);
      alt.append(
          W.get(
              "chart.alt.path",
              "series",
              SERIES_PATH,
              "from_year",
              first.year(),
              "from",
              format.format(first.value()),
              "to_year",
              last.year(),
              "to",
              format.format(last.value())));
    }
    return alt.toString();
  }

  @Override
  public String getId() {
    return "trend-chart-" + Integer.toHexString(hashCode());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrendChart c
        && title.equals(c.title)
        && unit.equals(c.unit)
        && values.equals(c.values)
        && Objects.equals(target, c.target)
        && requiredPath.equals(c.requiredPath)
        && drawTitle == c.drawTitle;
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, unit, values, target, requiredPath, drawTitle);
  }

  @Override
  public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
    createChart(context).draw(graphics, area);
  }

  /** The JFreeChart this renders; all its text is in the bundled sans font. */
  JFreeChart createChart(JasperReportsContext context) {
    Font regular = ReportFonts.awtFont(context, ReportFonts.SANS, Font.PLAIN, 8f);
    Font bold = ReportFonts.awtFont(context, ReportFonts.SANS, Font.BOLD, 10f);

    XYSeriesCollection dataset = new XYSeriesCollection();
    XYSeries observed = new XYSeries(SERIES_VALUES, true, false);
    values.forEach(p -> observed.add(p.year(), p.value()));
    dataset.addSeries(observed);
    if (!requiredPath.isEmpty()) {
      XYSeries path = new XYSeries(SERIES_PATH, true, false);
      requiredPath.forEach(p -> path.add(p.year(), p.value()));
      dataset.addSeries(path);
    }
    if (target != null) {
      XYSeries targetPoint =
          new XYSeries(
              W.get("chart.series.target.year", "year", target.year(), "series", SERIES_TARGET),
              true,
              false);
      targetPoint.add(target.year(), target.value());
      dataset.addSeries(targetPoint);
    }

    NumberAxis yearAxis = new NumberAxis(AXIS_YEAR);
    TickUnits yearUnits = new TickUnits();
    NumberFormat yearFormat = NumberFormat.getIntegerInstance(Locale.ROOT);
    yearFormat.setGroupingUsed(false);
    yearUnits.add(new NumberTickUnit(1, yearFormat));
    yearUnits.add(new NumberTickUnit(2, yearFormat));
    yearUnits.add(new NumberTickUnit(5, yearFormat));
    yearAxis.setStandardTickUnits(yearUnits);
    yearAxis.setAutoRangeIncludesZero(false);
    yearAxis.setLowerMargin(0.04);
    yearAxis.setUpperMargin(0.04);

    NumberAxis valueAxis = new NumberAxis(null);
    valueAxis.setAutoRangeIncludesZero(false);
    valueAxis.setNumberFormatOverride(valueFormat());
    valueAxis.setUpperMargin(0.1);
    valueAxis.setLowerMargin(0.1);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(dataset, yearAxis, valueAxis, renderer);
    JFreeChart chart = new JFreeChart(drawTitle ? title : null, bold, plot, true);

    // The theme sets every font JFreeChart would otherwise take from the machine ("Tahoma"). It
    // also resets series paints and strokes, so the styling below comes after it.
    StandardChartTheme theme = new StandardChartTheme("plan-reports", false);
    theme.setExtraLargeFont(bold);
    theme.setLargeFont(bold);
    theme.setRegularFont(regular);
    theme.setSmallFont(regular);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setShadowVisible(false);
    theme.apply(chart);

    int series = 0;
    renderer.setSeriesPaint(series, VALUE_COLOR);
    renderer.setSeriesStroke(series, new BasicStroke(1.6f));
    renderer.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    if (!requiredPath.isEmpty()) {
      series++;
      renderer.setSeriesPaint(series, PATH_COLOR);
      renderer.setSeriesStroke(series, dashed(1.2f));
      renderer.setSeriesShapesVisible(series, false);
    }
    if (target != null) {
      series++;
      renderer.setSeriesPaint(series, TARGET_COLOR);
      renderer.setSeriesLinesVisible(series, false);
      renderer.setSeriesShape(series, diamond(4));
      plot.addRangeMarker(new ValueMarker(target.value(), TARGET_COLOR, dashed(0.8f)));
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID_COLOR);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));

    // “单位：…” above the plot, as Chinese statistical charts print it; horizontal text stays text
    // in the PDF, whereas JFreeChart draws a rotated axis label as glyph outlines.
    if (!unit.isEmpty()) {
      TextTitle unitTitle = new TextTitle(unitTitle(unit), regular);
      unitTitle.setPosition(RectangleEdge.TOP);
      unitTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
      chart.addSubtitle(unitTitle);
    }
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    chart.setAntiAlias(false);
    chart.setTextAntiAlias(false);
    return chart;
  }

  private void checkGlyphs() {
    Font font =
        ReportFonts.awtFont(
            DefaultJasperReportsContext.getInstance(), ReportFonts.SANS, Font.PLAIN, 8f);
    for (String text :
        List.of(title, unit, SERIES_VALUES, SERIES_PATH, SERIES_TARGET, AXIS_YEAR, unitTitle(""))) {
      ReportFonts.requireGlyphs(font, ReportFonts.SANS, text, 0);
    }
  }

  /** “单位：…” above the plot. */
  private static String unitTitle(String unit) {
    return W.get("chart.unit", "unit", unit);
  }

  private static NumberFormat valueFormat() {
    DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setGroupingUsed(false);
    return format;
  }

  private static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
  }

  private static Shape diamond(double r) {
    Path2D.Double d = new Path2D.Double();
    d.moveTo(0, -r);
    d.lineTo(r, 0);
    d.lineTo(0, r);
    d.lineTo(-r, 0);
    d.closePath();
    return d;
  }
}
