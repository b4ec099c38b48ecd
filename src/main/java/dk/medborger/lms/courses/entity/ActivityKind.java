package dk.medborger.lms.courses.entity;

/** The kinds of activity a module holds; each kind has a subclass of {@link Activity}. */
public enum ActivityKind {
  LESSON(Lesson.class),
  QUIZ(null),
  ASSIGNMENT(null);

  private final Class<? extends Activity> type;

  ActivityKind(Class<? extends Activity> type) {
    this.type = type;
  }

  /** The kind of an activity class, as JPQL's {@code TYPE(a)} returns it. */
  public static ActivityKind of(Class<?> activityClass) {
    for (ActivityKind kind : values()) {
      if (kind.type != null && kind.type.equals(activityClass)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Not an activity type: " + activityClass);
  }
}
