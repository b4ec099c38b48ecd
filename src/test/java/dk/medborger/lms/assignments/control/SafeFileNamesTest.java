package dk.medborger.lms.assignments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

  @Test
  void pathsAreCutToTheirLastPart() {
    assertEquals("passwd", SafeFileNames.of("../../etc/passwd"));
    assertEquals("refleksion.pdf", SafeFileNames.of("C:\\Users\\mette\\refleksion.pdf"));
    assertEquals("fil", SafeFileNames.of(".."));
    assertEquals("fil", SafeFileNames.of("../"));
    assertEquals("bashrc", SafeFileNames.of(".bashrc"));
  }

  @Test
  void danishAndOtherLettersAreKeptReadable() {
    assertEquals("Refleksion – Søren Ærø.pdf", SafeFileNames.of("Refleksion – Søren Ærø.pdf"));
    // Decomposed "é" (e + combining accent) becomes the one letter.
    assertEquals("café.pdf", SafeFileNames.of("cafe\u0301.pdf"));
  }

  @Test
  void markupControlCharactersAndReservedNamesAreNeutralised() {
    String name = SafeFileNames.of("<script>alert(1)</script>.pdf");
    assertFalse(name.contains("<") || name.contains(">"), name);
    assertEquals("script.pdf", name);
    assertEquals("ab.pdf", SafeFileNames.of("a\u0000b\u202E.pdf"));
    assertEquals("_CON.txt", SafeFileNames.of("CON.txt"));
    assertEquals("a b.pdf", SafeFileNames.of("  a \t  b.pdf. "));
  }

  @Test
  void longNamesKeepTheirExtension() {
    String name = SafeFileNames.of("x".repeat(300) + ".docx");
    assertEquals(SafeFileNames.MAX_LENGTH, name.length());
    assertTrue(name.endsWith(".docx"));
  }

  @Test
  void theContentDispositionCarriesAnAsciiFallbackAndTheRealName() {
    assertEquals(
        "attachment; filename=\"S_ren _r_.pdf\"; filename*=UTF-8''S%C3%B8ren%20%C3%86r%C3%B8.pdf",
        SafeFileNames.contentDisposition("Søren Ærø.pdf"));
    assertEquals(
        "inline; filename=\"S_ren _r_.pdf\"; filename*=UTF-8''S%C3%B8ren%20%C3%86r%C3%B8.pdf",
        SafeFileNames.inlineDisposition("Søren Ærø.pdf"));
  }
}
