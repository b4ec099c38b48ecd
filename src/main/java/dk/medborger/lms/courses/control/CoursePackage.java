package dk.medborger.lms.courses.control;

import java.util.List;

/**
 * A course as it is shipped in {@code src/main/resources/courses/<slug>/course.json}, with each
 * lesson's HTML in a file of its own beside it. Read by {@link CourseImport}.
 */
public class CoursePackage {
  public String slug;
  public String title;
  public String summary;
  public boolean sequential;

  /** How the package's lessons complete unless one says otherwise (MANUAL by default). */
  public String completionMode;

  public List<ModuleEntry> modules;

  /** A module in the package. */
  public static class ModuleEntry {
    public String key;
    public String title;
    public String summary;
    public List<ActivityEntry> activities;
  }

  /** An activity in the package; {@code content} names the lesson's HTML file. */
  public static class ActivityEntry {
    public String key;
    public String type;
    public String title;
    public Integer minutes;
    public String content;
    public Boolean required;

    /** The activity's completion criterion, when not the package's default. */
    public String completion;
  }
}
