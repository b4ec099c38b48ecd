package dk.medborger.lms.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalPathTest {

  @Test
  void aPathOfThisApplicationIsKept() {
    assertEquals("/learner/course.xhtml?id=1", LocalPath.orHome("/learner/course.xhtml?id=1"));
  }

  @Test
  void anythingThatCouldLeadElsewhereLeadsHome() {
    for (String elsewhere :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example/",
          "/\\evil.example",
          "/ok\\..",
          "evil.example",
          "/a\r\nSet-Cookie: x=y",
          "/a\tb",
          "/" + "x".repeat(LocalPath.LONGEST)
        }) {
      assertEquals("/", LocalPath.orHome(elsewhere), String.valueOf(elsewhere));
    }
  }
}
