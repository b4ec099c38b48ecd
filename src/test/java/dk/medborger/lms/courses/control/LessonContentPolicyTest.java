package dk.medborger.lms.courses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LessonContentPolicyTest {

  @Test
  void keepsHeadingsTextListsImagesAndLinks() {
    String html =
        "<h2>MitID</h2><p>Tekst med <strong>fed</strong> og <a href=\"https://www.mitid.dk\">link</a>.</p>"
            + "<ul><li>Punkt</li></ul><figure><img src=\"/course-media/x.svg\" alt=\"Diagram\">"
            + "<figcaption>Figur</figcaption></figure>";
    String safe = LessonContentPolicy.sanitise(html);
    assertTrue(safe.contains("<h2>MitID</h2>"));
    assertTrue(safe.contains("href=\"https://www.mitid.dk\""));
    assertTrue(safe.matches("(?s).*rel=\"(noopener noreferrer|noreferrer noopener)\".*"));
    assertTrue(safe.contains("<img src=\"/course-media/x.svg\" alt=\"Diagram\" />"));
    assertTrue(safe.contains("<li>Punkt</li>"));
  }

  @Test
  void removesScriptsEventHandlersStylesAndJavascriptUrls() {
    String safe =
        LessonContentPolicy.sanitise(
            "<p onclick=\"steal()\" style=\"color:red\">Hej</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">klik</a><iframe src=\"https://evil\"></iframe>");
    assertFalse(safe.contains("script"));
    assertFalse(safe.contains("onclick"));
    assertFalse(safe.contains("style"));
    assertFalse(safe.contains("javascript"));
    assertFalse(safe.contains("iframe"));
    assertTrue(safe.contains("<p>Hej</p>"));
  }

  @Test
  void keepsImagesOfThisApplicationOnly() {
    String safe =
        LessonContentPolicy.sanitise(
            "<img src=\"https://tracker.example/pixel.gif\" alt=\"a\">"
                + "<img src=\"//tracker.example/p.gif\" alt=\"b\">"
                + "<img src=\"data:image/png;base64,AAAA\" alt=\"c\">"
                + "<img src=\"/course-media/ok.svg\" alt=\"d\">");
    assertFalse(safe.contains("tracker"), safe);
    assertFalse(safe.contains("data:"), safe);
    assertTrue(safe.contains("src=\"/course-media/ok.svg\""), safe);
  }

  @Test
  void nullBecomesEmpty() {
    assertEquals("", LessonContentPolicy.sanitise(null));
  }
}
