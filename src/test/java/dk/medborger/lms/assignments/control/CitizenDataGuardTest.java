package dk.medborger.lms.assignments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.control.CitizenDataGuard.Finding;
import dk.medborger.lms.assignments.control.CitizenDataGuard.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenDataGuardTest {

  private static List<Kind> kinds(String text) {
    return CitizenDataGuard.check(text).stream().map(Finding::kind).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Borgeren gav mig 120356-1234 ved skranken",
        "Borgeren gav mig 1203561234 ved skranken",
        "CPR 290200-4321.", // 29 February 2000: a leap year (digit 7 = 4, year 00 → 2000)
        "født 311299-5123" // digit 7 = 5, year 99 → 1899
      })
  void cprNumbersWithValidDatesAreFoundWithAndWithoutTheDash(String text) {
    assertEquals(List.of(Kind.CPR), kinds(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sagsnummer 320156-1234", // day 32
        "Sagsnummer 011356-1234", // month 13
        "Sagsnummer 290201-1234", // 29 February 1901 did not exist
        "Sagsnummer 000156-1234", // day 0
        "Journal 12035612345" // eleven digits: not a CPR number
      })
  void numbersThatAreNotRealDatesAreNotCprNumbers(String text) {
    assertTrue(!kinds(text).contains(Kind.CPR), text);
  }

  @Test
  void theCenturyFollowsTheSeventhDigit() {
    assertTrue(CitizenDataGuard.validCprDate("29", "02", "00", "4")); // 2000
    assertTrue(!CitizenDataGuard.validCprDate("29", "02", "00", "2")); // 1900: no 29 February
    assertTrue(!CitizenDataGuard.validCprDate("29", "02", "58", "5")); // 1858
    assertTrue(CitizenDataGuard.validCprDate("29", "02", "56", "6")); // 2056
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ring på 12345678",
        "Ring på 12 34 56 78",
        "Ring på 1234 5678",
        "Ring på +45 12345678",
        "Ring på 0045 12 34 56 78"
      })
  void danishPhoneNumbersAreFound(String text) {
    assertEquals(List.of(Kind.PHONE), kinds(text));
  }

  @Test
  void datesYearsAndShortNumbersAreNotPhoneNumbers() {
    assertEquals(List.of(), kinds("Mødet 2024-01-15 kl. 10.30 i lokale 12, år 2014, 60 kommuner"));
  }

  @Test
  void emailAddressesAreFoundWithDanishLetters() {
    List<Finding> found = CitizenDataGuard.check("Skriv til søren.ærø@kommune.dk i morgen");
    assertEquals(1, found.size());
    assertEquals(Kind.EMAIL, found.get(0).kind());
    assertEquals("søren.ærø@kommune.dk", found.get(0).match());
  }

  @Test
  void eachFindingComesWithItsContextAndPlace() {
    String text =
        "Jeg hjalp en borger med Digital Post. Hun gav mig sit nummer 120356-1234 og gik.";
    Finding f = CitizenDataGuard.check(text).get(0);
    assertEquals(text.indexOf("120356"), f.start());
    assertTrue(f.context().contains("sit nummer 120356-1234 og gik"), f.context());
    assertTrue(f.context().startsWith("…"));
  }

  @Test
  void redactingReplacesEveryOccurrence() {
    String text = "Nummer 12345678, igen 12345678.";
    assertEquals(
        "Nummer [fjernet], igen [fjernet].",
        CitizenDataGuard.redact(text, "12345678", "[fjernet]"));
    assertEquals(List.of(), kinds(CitizenDataGuard.redact(text, "12345678", "[fjernet]")));
  }

  @Test
  void aCprNumberIsNotAlsoReportedAsAPhoneNumber() {
    assertEquals(List.of(Kind.CPR), kinds("1203561234"));
    assertEquals(List.of(), kinds(""));
    assertEquals(List.of(), kinds(null));
  }

  private static List<String> inHtml(String html) {
    return CitizenDataGuard.checkHtml(html).stream()
        .map(f -> f.kind() + ":" + f.match() + (f.inLink() ? ":link" : ""))
        .toList();
  }

  @Test
  void richTextIsCheckedAsItReadsNotAsItsTags() {
    assertEquals(
        List.of("CPR:120356-1234"),
        inHtml("<p>Borgeren gav mig 12<b>0</b>3<em>56-12</em>34 ved skranken</p>"),
        "a number split by inline tags is one number");
    assertEquals(
        List.of(),
        inHtml("<p>Sagen 12345</p><p>678 kom ind</p><ul><li>1234</li><li>5678</li></ul>"),
        "paragraphs and list items are apart");
    assertEquals(List.of(), inHtml("<p class=\"a12345678\" data-x=\"120356-1234\">t</p>"));
    assertEquals(
        List.of("PHONE:12 34 56 78"), inHtml("<p>Ring&nbsp;12&nbsp;34&nbsp;56&nbsp;78</p>"));
  }

  @Test
  void linkAddressesAreCheckedTooAndShownAsPlainText() {
    List<Finding> found =
        CitizenDataGuard.checkHtml(
            "<p>Jeg <a href=\"mailto:borger%40example.dk\">skrev til hende</a>, se"
                + " <a href=\"https://sag.example.dk/?cpr=1203561234\">sagen</a>.</p>");
    assertEquals(
        List.of("EMAIL:borger@example.dk:link", "CPR:1203561234:link"),
        found.stream().map(f -> f.kind() + ":" + f.match() + ":link").toList());
    assertEquals("mailto:borger@example.dk", found.get(0).context());
    assertEquals("Jeg skrev til hende, se sagen.\n".indexOf("skrev"), found.get(0).start());
    assertEquals(
        List.of("EMAIL:hun@example.dk"),
        inHtml("<p><a href=\"mailto:hun@example.dk\">hun@example.dk</a></p>"),
        "an address its link's text shows is found once");
  }

  @Test
  void theContextOfAFindingInRichTextIsPlainText() {
    Finding f =
        CitizenDataGuard.checkHtml("<p>Hun <strong>gav</strong> mig &lt;120356-1234&gt;</p>")
            .get(0);
    assertEquals("Hun gav mig <120356-1234>", f.context());
  }

  @Test
  void redactingRichTextChangesTheTextAndKeepsTheMarkup() {
    assertEquals(
        "<p>Borgeren gav mig [fjernet] ved <strong>skranken</strong></p>",
        CitizenDataGuard.redactHtml(
            "<p>Borgeren gav mig 12<b>0</b>356-1234 ved <b>skranken</b></p>",
            "120356-1234",
            "[fjernet]"),
        "the marker where the number began, its other parts and the emptied tag gone");
    assertEquals(
        "<ul><li><em>Ring [fjernet]</em></li><li>eller [fjernet]</li></ul>",
        CitizenDataGuard.redactHtml(
            "<ul><li><em>Ring 12345678</em></li><li>eller 12345678</li></ul>",
            "12345678",
            "[fjernet]"));
    assertEquals(
        "<p>Hun skrev til [fjernet] &lt;b&gt;</p>",
        CitizenDataGuard.redactHtml(
            "<p>Hun skrev til <a href=\"mailto:a@b.dk\">a@b.dk</a> &lt;b&gt;</p>",
            "a@b.dk",
            "[fjernet]"),
        "a link whose address held it loses the address; text escaped as before");
    assertEquals(
        "<p>Skriv <strong>her</strong></p>",
        CitizenDataGuard.redactHtml(
            "<p>Skriv <a href=\"mailto:borger%40example.dk\"><b>her</b></a></p>",
            "borger@example.dk", "[fjernet]"));
    String html = "<p>Intet at fjerne</p>";
    assertEquals(html, CitizenDataGuard.redactHtml(html, "", "[fjernet]"));
    assertEquals(
        List.of(),
        CitizenDataGuard.checkHtml(
            CitizenDataGuard.redactHtml(
                "<p>12<b>0</b>356-1234 og 120356-1234</p>", "120356-1234", "[x]")));
  }
}
