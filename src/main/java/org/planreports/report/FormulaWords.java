package org.planreports.report;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.planreports.core.Messages;
import org.planreports.plan.Formula;
import org.planreports.plan.Indicator;
import org.planreports.plan.Item;
import org.planreports.plan.ReportedStatus;

/**
 * How an indicator is computed, in the plan's own words rather than its codes: “全社会R&D经费支出 ÷ 地区生产总值
 * × 100%”. Each item is named as the plan bundle names it (items.csv), with its unit in brackets
 * where the items of the formula are counted in different units (“R&D人员全时当量（人年） ÷ 全社会就业人员（万人）”); a
 * factor 100 of an indicator in % or 百分点 reads “× 100%”. An item the bundle leaves unnamed is named
 * by the indicator it is reported for when it is that indicator's own code or direct code,
 * otherwise “未命名统计项”: never by its code, which only the audit trail (provenance.csv) prints.
 */
final class FormulaWords {

  private static final Messages W = Messages.bundle("appendix");

  private FormulaWords() {}

  /** A part of the formula in words and how tightly it binds (3 a name, 2 × ÷, 1 ＋ －). */
  private record Term(String text, int binds, boolean hundred) {}

  /** The indicator's 计算方法 column. */
  static String of(Indicator ind, Map<String, Item> items) {
    return of(ind, items, ind.name());
  }

  /**
   * The 计算方法 of a row that prints the indicator as {@code printedName}: a single item named as the
   * row or the indicator is 统计数, one named otherwise is named.
   */
  static String of(Indicator ind, Map<String, Item> items, String printedName) {
    Formula f = ind.formula();
    if (f.isSingleItem()) {
      String code = f.items().iterator().next();
      Item item = items.get(code);
      if (item != null && item.statusWord()) {
        return W.get(
            "appendix.method.status",
            "words",
            String.join(
                W.get("appendix.source.sep"),
                java.util.Arrays.stream(ReportedStatus.values())
                    .map(ReportedStatus::label)
                    .toList()));
      }
      String unit = item == null ? ind.unit() : item.unit();
      if (W.get("appendix.unit.year").equals(unit) && item != null && item.wholeNumber()) {
        return W.get("appendix.method.year");
      }
      String name = name(ind, code, items);
      return same(name, ind.name()) || same(name, printedName)
          ? W.get("appendix.method.same")
          : W.get("appendix.method.item", "item", inner(name));
    }
    Set<String> units = new LinkedHashSet<>();
    for (String code : f.items()) {
      Item item = items.get(code);
      units.add(item == null || item.unit() == null ? "" : item.unit().strip());
    }
    boolean withUnits = units.size() > 1;
    boolean percent =
        W.get("appendix.unit.percent").equals(ind.unit())
            || W.get("appendix.unit.points").equals(ind.unit());
    return f.fold(
            new Formula.Folder<Term>() {
              @Override
              public Term number(BigDecimal value) {
                String n = Fmt.plain(value);
                return new Term(n, 3, value.compareTo(BigDecimal.valueOf(100)) == 0);
              }

              @Override
              public Term item(String code) {
                String name = name(ind, code, items);
                Item item = items.get(code);
                String unit = item == null || item.unit() == null ? "" : item.unit().strip();
                if (withUnits && !unit.isEmpty() && !unit.equals(W.get("appendix.unit.none"))) {
                  name = W.get("appendix.item.unit", "name", name, "unit", unit);
                }
                return new Term(name, 3, false);
              }

              @Override
              public Term negate(Term operand) {
                return new Term(
                    W.get("appendix.op.negate") + wrap(operand, operand.binds() < 3), 3, false);
              }

              @Override
              public Term binary(char op, Term left, Term right) {
                int binds = op == '*' || op == '/' ? 2 : 1;
                String l = wrap(left, left.binds() < binds);
                String r =
                    op == '*' && right.hundred() && percent
                        ? W.get("appendix.percent", "n", right.text())
                        : wrap(
                            right,
                            right.binds() < binds
                                || (right.binds() == binds && (op == '-' || op == '/')));
                return new Term(l + " " + W.get(operator(op)) + " " + r, binds, false);
              }
            })
        .text();
  }

  private static String operator(char op) {
    return switch (op) {
      case '+' -> "appendix.op.add";
      case '-' -> "appendix.op.subtract";
      case '*' -> "appendix.op.multiply";
      default -> "appendix.op.divide";
    };
  }

  private static String wrap(Term t, boolean wrap) {
    return wrap ? W.get("appendix.paren.wrap", "text", t.text()) : t.text();
  }

  /** The item's name in the bundle, or the fallback the class comment gives. */
  static String name(Indicator ind, String code, Map<String, Item> items) {
    Item item = items.get(code);
    if (item != null && item.name() != null && !item.name().isBlank()) {
      return item.name().strip();
    }
    boolean own =
        code.equals(ind.code()) || (ind.direct() != null && code.equals(ind.direct().code()));
    if (own && ind.name() != null && !ind.name().isBlank()) {
      return ind.name().strip();
    }
    return W.get("appendix.item.unnamed");
  }

  /** A name inside quotation marks: its own “ ” become ‘ ’, as Chinese nests quotes. */
  private static String inner(String name) {
    return name.replace('\u201c', '\u2018').replace('\u201d', '\u2019');
  }

  /** Whether two names say the same, but for spaces. */
  private static boolean same(String a, String b) {
    return a != null && b != null && a.replace(" ", "").equals(b.replace(" ", ""));
  }
}
