package dk.medborger.lms.courses.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * When an activity counts as completed; each activity has its own, within what its kind allows
 * ({@code ck_activity_completion_criterion} in the schema says the same).
 */
public enum CompletionCriterion {
  /** A lesson: the learner presses "mark as completed". */
  MANUAL,
  /** A lesson: reaching its end (scrolling to it, or moving on with "next") completes it. */
  ON_REACHING_END,
  /** A quiz: its grade reaches the pass mark. */
  ON_PASS,
  /** A quiz or an assignment: handing it in completes it, whatever the grade. */
  ON_SUBMIT,
  /** An assignment: graded as passed. */
  ON_GRADED_PASS;

  /** The criteria an activity of {@code kind} may have; the first is its default. */
  public static Set<CompletionCriterion> allowedFor(ActivityKind kind) {
    return switch (kind) {
      case LESSON -> EnumSet.of(MANUAL, ON_REACHING_END);
      case QUIZ -> EnumSet.of(ON_PASS, ON_SUBMIT);
      case ASSIGNMENT -> EnumSet.of(ON_SUBMIT, ON_GRADED_PASS);
    };
  }

  /** Whether the learner completes the activity themselves (a lesson), not through an outcome. */
  public boolean byLearner() {
    return this == MANUAL || this == ON_REACHING_END;
  }
}
