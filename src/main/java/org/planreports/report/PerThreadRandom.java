package org.planreports.report;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * The subset-prefix generator of a font that exports on several threads share.
 *
 * <p>OpenPDF keeps one generator per font ({@code BaseFont.setSecureRandom}, public API) and draws
 * the font's six-letter subset prefix from it when an export closes; {@link
 * DeterministicPdfProducer} seeds a generator per export so that the prefix is reproducible. A font
 * is shared by every export of the JVM, so two exports at once would each overwrite the other's
 * generator. Set once on the shared font ({@link PdfFonts}), this generator hands every draw to the
 * one the export running on the calling thread chose ({@link #use}): exports at once each draw
 * their own prefix, the bytes of exporting one after another.
 *
 * <p>Every draw of a {@link SecureRandom} ({@code nextDouble}, {@code nextInt}, ...) comes through
 * {@link SecureRandomSpi#engineNextBytes}, so the delegate gives the very numbers it would give if
 * OpenPDF called it itself.
 */
final class PerThreadRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  private final transient PerThread spi;

  PerThreadRandom() {
    this(new PerThread());
  }

  private PerThreadRandom(PerThread spi) {
    super(spi, null);
    this.spi = spi;
  }

  /** Draws on this thread come from {@code generator} from now on. */
  void use(SecureRandom generator) {
    spi.current.set(generator);
  }

  private static final class PerThread extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;

    private final transient ThreadLocal<SecureRandom> current = new ThreadLocal<>();

    /** The thread's generator; without one, a fresh one each time, as OpenPDF's default. */
    private SecureRandom generator() {
      SecureRandom generator = current.get();
      return generator != null ? generator : new SecureRandom();
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      generator().setSeed(seed);
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      generator().nextBytes(bytes);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      return generator().generateSeed(numBytes);
    }
  }
}
