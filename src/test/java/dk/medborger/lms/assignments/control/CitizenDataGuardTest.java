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
}
