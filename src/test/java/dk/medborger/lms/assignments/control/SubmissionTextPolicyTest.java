package dk.medborger.lms.assignments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.entity.TextFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionTextPolicyTest {

  private static String sanitise(String html) {
    return SubmissionTextPolicy.sanitise(html);
  }

  @Test
  void paragraphsEmphasisListsOneHeadingAndLinksAreKept() {
    String html =
        "<h3>Mødet</h3><p>Hun kom med <strong>et brev</strong>, <em>ikke</em> et spørgsmål.<br />"
            + "Vi fandt det.</p><ul><li>MitID</li><li>Digital Post</li></ul><ol><li>Log på</li></ol>"
            + "<p>Se <a href=\"https://www.borger.dk\">borger.dk</a>.</p>";
    // The sanitiser writes the two rel words in either order (a set inside OWASP's policy).
    assertEquals(
        html.replace("\">borger.dk", "\" rel=\"noopener noreferrer\">borger.dk"),
        sanitise(html).replace("rel=\"noreferrer noopener\"", "rel=\"noopener noreferrer\""));
  }

  @Test
  void equivalentTagsBecomeTheKeptOnes() {
    assertEquals(
        "<strong>b</strong><em>i</em><h3>stor</h3><h3>lille</h3><p>blok</p>",
        sanitise("<b>b</b><i>i</i><h1>stor</h1><h6>lille</h6><div>blok</div>"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<p>Tekst</p><script>alert(1)</script>|<p>Tekst</p>",
        "<p>Tekst<img src=x onerror=alert(1)></p>|<p>Tekst</p>",
        "<a href=\"javascript:alert(1)\">klik</a>|klik",
        "<a href=\"JaVa&#x09;ScRiPt:alert(1)\">klik</a>|klik",
        "<a href=\" javascript:alert(1)\">klik</a>|klik",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a>|data",
        "<a href=\"vbscript:x\">vb</a>|vb",
        "<a href=\"/logout\">her</a>|her",
        "<a href=\"//evil.example/x\">her</a>|her",
        "<p style=\"color:red;background:url(x)\" class=\"ql-align-center\" onclick=\"x()\">t</p>|<p>t</p>",
        "<iframe src=\"https://evil.example\"></iframe>efter|efter",
        "<style>p{display:none}</style><p>synlig</p>|<p>synlig</p>",
        "<svg onload=alert(1)><script>alert(1)</script></svg>x|x",
        "<form action=\"https://evil.example\"><input name=x><button>Send</button></form>|Send",
        "<object data=\"x.swf\"></object><embed src=\"x\">ok|ok",
        "<p onmouseover=\"alert(1)\" data-list=\"bullet\" lang=\"en\" id=\"x\">t</p>|<p>t</p>",
        "<table><tr><td>celle</td></tr></table>|celle",
        "<!-- kommentar --><p>t</p>|<p>t</p>"
      })
  void scriptsStylesHandlersImagesFramesAndBadLinksAreRemoved(String hostile, String kept) {
    assertEquals(kept, sanitise(hostile));
  }

  @Test
  void linksGetNoopenerNoreferrerAndNoTargetOrHandler() {
    String link =
        sanitise(
            "<a href=\"https://borger.dk\" target=\"_blank\" rel=\"opener\" onclick=\"x()\">"
                + "borger.dk</a>");
    assertTrue(
        link.matches(
            "<a href=\"https://borger\\.dk\" rel=\"(noopener noreferrer|noreferrer noopener)\">"
                + "borger\\.dk</a>"),
        link);
    assertTrue(sanitise("<a href=\"mailto:hjaelp@kommune.dk\">skriv</a>").contains("mailto:"));
    assertTrue(
        sanitise("<a href=\"http://example.dk\">x</a>").contains("href=\"http://example.dk\""));
  }

  @Test
  void theEditorsNoBreakSpacesBecomeSpaces() {
    assertEquals(
        "<p>Ring 12 34 56 78 i morgen</p>",
        sanitise("<p>Ring&nbsp;12&nbsp;34\u00A056&#160;78 i morgen</p>"));
  }

  @Test
  void sanitisingTwiceChangesNothing() {
    for (String html :
        new String[] {
          "<p>a &lt; b &amp; \"c\" @ = + ` '</p>",
          "<ul><li>a<ul><li>b</li></ul></li></ul><p>a<p>b",
          "<a href=\"https://x.dk/?a=1&b=2#c\">x</a>",
          "<li>løst punkt</li><h2><b>x</b></h2>"
        }) {
      String once = sanitise(html);
      assertEquals(once, sanitise(once), html);
    }
  }

  @Test
  void textIsReadWithoutTagsAndWithBlocksOnTheirOwnLines() {
    String html =
        "<h3>Mødet</h3><p>Hun <strong>kom</strong> ind.<br />Igen.</p><ul><li>a</li></ul>";
    assertEquals("Mødet\nHun kom ind.\nIgen.\na", SubmissionTextPolicy.text(html));
    assertEquals(
        "=HYPERLINK(\"x\") & <b>",
        SubmissionTextPolicy.text(sanitise("=HYPERLINK(\"x\") &amp; &lt;b&gt;")),
        "entities are read as the characters they stand for");
  }

  @Test
  void aTextOfEmptyParagraphsIsBlank() {
    assertTrue(SubmissionTextPolicy.blank(sanitise("<p></p><p><br></p><p>&nbsp; </p>")));
    assertTrue(SubmissionTextPolicy.blank(sanitise("<img src=x>")));
    assertTrue(SubmissionTextPolicy.blank(null));
    assertFalse(SubmissionTextPolicy.blank(sanitise("<ul><li>punkt</li></ul>")));
  }

  @Test
  void plainTextBecomesEscapedParagraphsWithItsLineBreaks() {
    assertEquals(
        "<p>a &lt; b &amp; c</p><p>ny linje<br />anden linje</p><p>tredje</p>",
        SubmissionTextPolicy.fromPlain("a < b & c\r\n\r\nny linje\nanden linje\n\n \n  tredje  "));
    assertEquals(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        SubmissionTextPolicy.html("<script>alert(1)</script>", TextFormat.PLAIN),
        "markup in an old plain text is text");
    assertEquals("", SubmissionTextPolicy.fromPlain(" \n "));
  }

  @Test
  void shownTextIsSanitisedAgainWithItsHeadingsBelowThePagesOwn() {
    assertEquals(
        "<h4>Mødet</h4><p>x</p>",
        SubmissionTextPolicy.display(
            "<h3>Mødet</h3><p onclick=\"x\">x</p><script>y</script>", TextFormat.HTML, 4),
        "a stored text that somehow held a script is cleaned again on its way out");
    assertEquals(
        "<p>Linje 1<br />Linje 2</p>",
        SubmissionTextPolicy.display("Linje 1\nLinje 2", TextFormat.PLAIN, 4));
    assertEquals("", SubmissionTextPolicy.display(null, TextFormat.HTML, 4));
    assertThrows(
        IllegalArgumentException.class,
        () -> SubmissionTextPolicy.display("x", TextFormat.HTML, 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTML", "PLAIN"})
  void anExportedDocumentAllowsNoScriptAndEscapesItsTitle(String format) {
    String doc =
        SubmissionTextPolicy.document(
            "Søren <Ærø> – Version 1", "<h3>Mødet</h3>", TextFormat.valueOf(format));
    assertTrue(doc.startsWith("<!DOCTYPE html>"));
    assertTrue(doc.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assertTrue(doc.contains("<title>Søren &lt;Ærø&gt; – Version 1</title>"), doc);
    assertFalse(doc.contains("<Ærø>"));
    assertTrue(doc.contains(format.equals("HTML") ? "<h2>Mødet</h2>" : "<p>&lt;h3&gt;Mødet"), doc);
  }
}
