package org.planreports.report;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRStyledTextAttributeSelector;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.engine.util.JRStyledTextUtil;

/**
 * Walks every text element of filled reports and checks each character against the bundled font the
 * element (or the styled-text run) asks for.
 */
final class GlyphCheck {

  private final JasperReportsContext context;
  private final JRStyledTextUtil styledTextUtil;
  private final JRStyledTextAttributeSelector attributes;
  private final Map<String, Font> fonts = new HashMap<>();

  GlyphCheck(JasperReportsContext context) {
    this.context = context;
    this.styledTextUtil = JRStyledTextUtil.getInstance(context);
    this.attributes = JRStyledTextAttributeSelector.getAllSelector(context);
  }

  /** Page numbers count on through the prints, as they will in the exported document. */
  void check(List<JasperPrint> prints) {
    int pageNumber = 0;
    for (JasperPrint print : prints) {
      for (JRPrintPage page : print.getPages()) {
        pageNumber++;
        checkElements(page.getElements(), pageNumber);
      }
    }
  }

  private void checkElements(List<JRPrintElement> elements, int pageNumber) {
    for (JRPrintElement element : elements) {
      if (element instanceof JRPrintFrame frame) {
        checkElements(frame.getElements(), pageNumber);
      } else if (element instanceof JRPrintText text) {
        checkText(text, pageNumber);
      }
    }
  }

  private void checkText(JRPrintText element, int pageNumber) {
    JRStyledText styled = styledTextUtil.getStyledText(element, attributes);
    if (styled == null || styled.length() == 0) {
      return;
    }
    String text = styled.getText();
    AttributedCharacterIterator runs = styled.getAttributedString().getIterator();
    for (int start = 0; start < text.length(); ) {
      runs.setIndex(start);
      int limit = runs.getRunLimit();
      Map<AttributedCharacterIterator.Attribute, Object> attrs = runs.getAttributes();
      String family = (String) attrs.getOrDefault(TextAttribute.FAMILY, element.getFontName());
      Font font = font(family, isBold(attrs), isItalic(attrs));
      String run = text.substring(start, limit);
      try {
        ReportFonts.requireGlyphs(font, family, run, pageNumber);
      } catch (MissingGlyphException e) {
        // Report the whole text of the element, which is what a reader can find in the data.
        throw new MissingGlyphException(e.getCodePoint(), family, pageNumber, text);
      }
      start = limit;
    }
  }

  private static boolean isBold(Map<AttributedCharacterIterator.Attribute, Object> attrs) {
    Object weight = attrs.get(TextAttribute.WEIGHT);
    return weight instanceof Float w && w >= TextAttribute.WEIGHT_BOLD;
  }

  private static boolean isItalic(Map<AttributedCharacterIterator.Attribute, Object> attrs) {
    Object posture = attrs.get(TextAttribute.POSTURE);
    return posture instanceof Float p && p >= TextAttribute.POSTURE_OBLIQUE;
  }

  private Font font(String family, boolean bold, boolean italic) {
    int style = (bold ? Font.BOLD : Font.PLAIN) | (italic ? Font.ITALIC : Font.PLAIN);
    return fonts.computeIfAbsent(
        family + "/" + style, k -> ReportFonts.awtFont(context, family, style, 10f));
  }
}
