package dk.medborger.lms.courses.entity;

/**
 * The kinds of activity a module holds, as stored in {@code activity.kind} (the discriminator of
 * {@link Activity}'s subclasses). Each kind's entity lives in its own component (lessons here,
 * quizzes in {@code quizzes}); this enum names them without depending on those components.
 */
public enum ActivityKind {
  LESSON,
  QUIZ,
  ASSIGNMENT
}
