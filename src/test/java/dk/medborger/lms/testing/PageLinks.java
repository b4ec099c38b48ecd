package dk.medborger.lms.testing;

import java.util.List;
import java.util.regex.Pattern;

/** What the HTTP tests read out of a page's HTML: the courses and lessons it links to. */
public final class PageLinks {

  private PageLinks() {}

  /** The ids of the courses the page links to, each once, in page order. */
  public static List<String> courses(String html) {
    return matches(html, "/learner/course\\.xhtml\\?id=(\\d+)").stream().distinct().toList();
  }

  /** The ids of the lessons the page links to, each once, in page order. */
  public static List<String> lessons(String html) {
    return matches(html, "/learner/lesson\\.xhtml\\?id=(\\d+)").stream().distinct().toList();
  }

  /** The first group of every match, in page order. */
  public static List<String> matches(String html, String regex) {
    return Pattern.compile(regex).matcher(html).results().map(m -> m.group(1)).toList();
  }
}
