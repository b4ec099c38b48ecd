package dk.medborger.lms.assignments.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InlineTypesTest {

  @Test
  void pdfsAndRasterPicturesAreShownInlineAndNothingABrowserCouldRun() {
    for (String shown : List.of("application/pdf", "image/png", "image/jpeg", "image/gif")) {
      assertTrue(InlineTypes.shownInline(shown), shown);
    }
    for (String sent :
        List.of(
            "image/svg+xml",
            "text/html",
            "application/xhtml+xml",
            "text/plain",
            "application/javascript",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/octet-stream",
            "APPLICATION/PDF",
            "")) {
      assertFalse(InlineTypes.shownInline(sent), sent);
    }
    assertTrue(InlineTypes.isPdf("application/pdf"));
    assertFalse(InlineTypes.isPdf("image/png"));
  }
}
