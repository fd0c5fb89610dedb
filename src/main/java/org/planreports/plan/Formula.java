package org.planreports.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An arithmetic formula over item codes, as written in the catalogue ("RD_EXP / GDP * 100"): + - *
 * / and parentheses over item codes and decimal constants. Evaluated exactly in {@link
 * MathContext#DECIMAL128}; rounding happens only when a value is shown or tested.
 */
public final class Formula {

  private sealed interface Node permits Num, Ref, Neg, Bin {}

  private record Num(BigDecimal value) implements Node {}

  private record Ref(String code) implements Node {}

  private record Neg(Node operand) implements Node {}

  private record Bin(char op, Node left, Node right) implements Node {}

  /** The longest formula read: the bundled plan's longest has 40 characters. */
  public static final int MAX_LENGTH = 500;

  /** The deepest nesting of parentheses and signs: the parser and evaluation recurse on it. */
  public static final int MAX_DEPTH = 30;

  /** The most digits of a constant. */
  private static final int MAX_DIGITS = 30;

  private final String text;
  private final Node root;
  private final Set<String> items;

  private Formula(String text, Node root, Set<String> items) {
    this.text = text;
    this.root = root;
    this.items = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(items));
  }

  public static Formula parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("formula longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(text);
    Node root = p.expression();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("unexpected '" + text.substring(p.pos) + "' in " + text);
    }
    return new Formula(text.trim(), root, p.refs);
  }

  public String text() {
    return text;
  }

  /** The item codes the formula reads. */
  public Set<String> items() {
    return items;
  }

  /** True when the formula is a single item code: the indicator is the item itself. */
  public boolean isSingleItem() {
    return root instanceof Ref;
  }

  /**
   * Whether a divisor is zero whatever the items' values: a constant that is zero ("A / 0", "A / (1
   * - 1)"), with which the indicator could never be computed.
   */
  public boolean hasConstantZeroDivisor() {
    return constantZeroDivisor(root);
  }

  private static boolean constantZeroDivisor(Node n) {
    if (n instanceof Neg neg) {
      return constantZeroDivisor(neg.operand());
    }
    if (n instanceof Bin bin) {
      if (constantZeroDivisor(bin.left()) || constantZeroDivisor(bin.right())) {
        return true;
      }
      if (bin.op() == '/') {
        Set<String> refs = new LinkedHashSet<>();
        refs(bin.right(), refs);
        if (refs.isEmpty()) {
          BigDecimal r = eval(bin.right(), Map.of());
          return r == null || r.signum() == 0;
        }
      }
    }
    return false;
  }

  /** The value, or empty when an item is missing or a divisor is zero. */
  public Optional<BigDecimal> evaluate(Map<String, BigDecimal> values) {
    return Optional.ofNullable(eval(root, values));
  }

  /**
   * The item codes of each divisor that is zero for these values (a divisor that is one item, or
   * the items of a divisor expression): where the formula cannot be evaluated for want of a
   * non-zero denominator. Empty when every divisor is non-zero or cannot be evaluated.
   */
  public Set<String> zeroDivisors(Map<String, BigDecimal> values) {
    Set<String> zero = new LinkedHashSet<>();
    collectZeroDivisors(root, values, zero);
    return zero;
  }

  private static void collectZeroDivisors(Node n, Map<String, BigDecimal> values, Set<String> out) {
    if (n instanceof Neg neg) {
      collectZeroDivisors(neg.operand(), values, out);
    } else if (n instanceof Bin bin) {
      collectZeroDivisors(bin.left(), values, out);
      collectZeroDivisors(bin.right(), values, out);
      if (bin.op() == '/') {
        BigDecimal r = eval(bin.right(), values);
        if (r != null && r.signum() == 0) {
          refs(bin.right(), out);
        }
      }
    }
  }

  private static void refs(Node n, Set<String> out) {
    if (n instanceof Ref ref) {
      out.add(ref.code());
    } else if (n instanceof Neg neg) {
      refs(neg.operand(), out);
    } else if (n instanceof Bin bin) {
      refs(bin.left(), out);
      refs(bin.right(), out);
    }
  }

  private static BigDecimal eval(Node n, Map<String, BigDecimal> values) {
    if (n instanceof Num num) {
      return num.value();
    }
    if (n instanceof Ref ref) {
      return values.get(ref.code());
    }
    if (n instanceof Neg neg) {
      BigDecimal v = eval(neg.operand(), values);
      return v == null ? null : v.negate();
    }
    Bin bin = (Bin) n;
    BigDecimal l = eval(bin.left(), values);
    BigDecimal r = eval(bin.right(), values);
    if (l == null || r == null) {
      return null;
    }
    return switch (bin.op()) {
      case '+' -> l.add(r, MathContext.DECIMAL128);
      case '-' -> l.subtract(r, MathContext.DECIMAL128);
      case '*' -> l.multiply(r, MathContext.DECIMAL128);
      default -> r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL128);
    };
  }

  /** What {@link #fold} calls for each part of a formula, bottom-up. */
  public interface Folder<T> {
    T number(BigDecimal value);

    T item(String code);

    T negate(T operand);

    /** {@code op} is one of + - * /. */
    T binary(char op, T left, T right);
  }

  /** The formula folded bottom-up: how a reader's rendering (words, not codes) walks its tree. */
  public <T> T fold(Folder<T> folder) {
    return fold(root, folder);
  }

  private static <T> T fold(Node n, Folder<T> f) {
    if (n instanceof Num num) {
      return f.number(num.value());
    }
    if (n instanceof Ref ref) {
      return f.item(ref.code());
    }
    if (n instanceof Neg neg) {
      return f.negate(fold(neg.operand(), f));
    }
    Bin bin = (Bin) n;
    return f.binary(bin.op(), fold(bin.left(), f), fold(bin.right(), f));
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private final String s;
    private int pos;
    private int depth;
    private final Set<String> refs = new LinkedHashSet<>();

    Parser(String s) {
      this.s = s;
    }

    void deeper() {
      if (++depth > MAX_DEPTH) {
        throw new IllegalArgumentException("formula nested deeper than " + MAX_DEPTH);
      }
    }

    static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(char c) {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    Node expression() {
      Node n = term();
      while (true) {
        if (eat('+')) {
          n = new Bin('+', n, term());
        } else if (eat('-')) {
          n = new Bin('-', n, term());
        } else {
          return n;
        }
      }
    }

    Node term() {
      Node n = factor();
      while (true) {
        if (eat('*')) {
          n = new Bin('*', n, factor());
        } else if (eat('/')) {
          n = new Bin('/', n, factor());
        } else {
          return n;
        }
      }
    }

    Node factor() {
      if (eat('-')) {
        deeper();
        Node n = new Neg(factor());
        depth--;
        return n;
      }
      if (eat('(')) {
        deeper();
        Node n = expression();
        if (!eat(')')) {
          throw new IllegalArgumentException("missing ')' in " + s);
        }
        depth--;
        return n;
      }
      skipSpace();
      int start = pos;
      if (pos < s.length() && isAsciiDigit(s.charAt(pos))) {
        while (pos < s.length() && (isAsciiDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
          pos++;
        }
        if (pos - start > MAX_DIGITS) {
          throw new IllegalArgumentException("constant longer than " + MAX_DIGITS + " characters");
        }
        return new Num(new BigDecimal(s.substring(start, pos)));
      }
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException(
            "expected an item code or number at " + pos + " in " + s);
      }
      String code = s.substring(start, pos);
      refs.add(code);
      return new Ref(code);
    }
  }
}
