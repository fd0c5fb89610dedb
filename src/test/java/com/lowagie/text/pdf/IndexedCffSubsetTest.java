package com.lowagie.text.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subsets and the font objects of a PDF are OpenPDF's own bytes when the INDEX structures of a
 * CFF table are read once and kept ({@link IndexedCffSubset}, {@link SharedFont#writeFont}).
 */
class IndexedCffSubsetTest {

  private static final Path FONTS = Path.of("src/main/resources/fonts");

  private static TrueTypeFontUnicode openPdfsOwn(String face) throws Exception {
    return new TrueTypeFontUnicode(
        FONTS.resolve(face).toAbsolutePath().toString(), BaseFont.IDENTITY_H, true, null, false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NotoSansCJKsc-Regular.otf",
        "NotoSansCJKsc-Bold.otf",
        "NotoSerifCJKsc-Regular.otf"
      })
  void shouldSubsetToTheBytesOfOpenPdfsSubsetterForAnyGlyphsOnesAfterTheOther(String face)
      throws Exception {
    byte[] cff = openPdfsOwn(face).readCffFont();
    IndexedCffSubset.Indexes indexes = new IndexedCffSubset.Indexes();
    Random random = new Random(face.hashCode());
    List<HashMap<Integer, int[]>> glyphSets = new ArrayList<>();
    glyphSets.add(glyphs(1));
    glyphSets.add(glyphs(1, 2, 3));
    for (int set = 0; set < 6; set++) {
      int[] ids = new int[1 + random.nextInt(400)];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = 1 + random.nextInt(65000);
      }
      glyphSets.add(glyphs(ids));
    }
    for (HashMap<Integer, int[]> glyphs : glyphSets) {
      CFFFontSubset own = new CFFFontSubset(new RandomAccessFileOrArray(cff), copy(glyphs));
      byte[] expected = own.Process(own.getNames()[0]);
      assertThat(IndexedCffSubset.subset(cff, copy(glyphs), indexes))
          .as("%s, %d glyphs", face, glyphs.size())
          .isEqualTo(expected);
    }
    // The second and later subsets were made from what the first one read.
    assertThat(indexes.size()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"NotoSansCJKsc-Regular.otf", "NotoSerifCJKsc-Regular.otf"})
  void shouldWriteTheFontObjectsOpenPdfWritesTwiceOver(String face) throws Exception {
    Path file = FONTS.resolve(face);
    BaseFont shared = SharedFont.register("test/" + face, file);
    assertThat(shared).isInstanceOf(SharedFont.class);
    BaseFont own = openPdfsOwn(face);
    for (String text : List.of("南川区科技创新“十四五”规划 2021-2025年", "研发经费投入强度达到2.5%以上，已完成。")) {
      assertThat(objects(pdf(shared, text))).isEqualTo(objects(pdf(own, text)));
    }
  }

  private static HashMap<Integer, int[]> glyphs(int... ids) {
    HashMap<Integer, int[]> glyphs = new HashMap<>();
    for (int id : ids) {
      glyphs.put(id, new int[] {id, 1000, 0x4e00 + id});
    }
    return glyphs;
  }

  private static HashMap<Integer, int[]> copy(HashMap<Integer, int[]> glyphs) {
    HashMap<Integer, int[]> copy = new HashMap<>();
    glyphs.forEach((id, metrics) -> copy.put(id, metrics.clone()));
    return copy;
  }

  private static byte[] pdf(BaseFont font, String text) throws Exception {
    SecureRandom prefix = SecureRandom.getInstance("SHA1PRNG");
    prefix.setSeed(42);
    font.setSecureRandom(prefix);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPDFXConformance(PdfWriter.PDFA1B);
    document.open();
    document.add(new Paragraph(text, new Font(font, 12)));
    document.close();
    return out.toByteArray();
  }

  /** Each object of the PDF but its info dictionary and ID: dictionary text and stream bytes. */
  private static List<String> objects(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    List<String> objects = new ArrayList<>();
    PdfObject info = reader.getTrailer().get(PdfName.INFO);
    for (int i = 1; i < reader.getXrefSize(); i++) {
      if (info instanceof PdfIndirectReference ref && ref.getNumber() == i) {
        continue;
      }
      PdfObject object = reader.getPdfObjectRelease(i);
      if (object == null) {
        continue;
      }
      String text = describe(object);
      if (object instanceof PRStream stream) {
        if (PdfName.METADATA.equals(stream.get(PdfName.TYPE))) {
          continue; // dates of the run
        }
        text += java.util.HexFormat.of().formatHex(PdfReader.getStreamBytesRaw(stream));
      }
      objects.add(i + " " + text);
    }
    reader.close();
    assertThat(objects).anyMatch(o -> o.contains("/FontFile3"));
    return objects;
  }

  private static String describe(PdfObject object) {
    if (object instanceof PdfDictionary dictionary) {
      StringBuilder text = new StringBuilder("<<");
      dictionary.getKeys().stream()
          .sorted(java.util.Comparator.comparing(PdfName::toString))
          .forEach(key -> text.append(key).append(' ').append(describe(dictionary.get(key))));
      return text.append(">>").toString();
    }
    if (object instanceof PdfArray array) {
      StringBuilder text = new StringBuilder("[");
      array.getElements().forEach(element -> text.append(describe(element)).append(' '));
      return text.append("]").toString();
    }
    return String.valueOf(object);
  }
}
