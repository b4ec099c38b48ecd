package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How a new attempt is laid out: the questions a random slot draws, and the order in which a
 * question's choices are shown. The order is stored with the attempt, so a reload, another device
 * or the review shows the same order.
 *
 * <pre>
 * String order = AttemptDraw.choiceOrder(content, quiz.isShuffleChoices(), random);   // "c,a,b" or null
 * </pre>
 */
public final class AttemptDraw {

  private AttemptDraw() {}

  /** {@code count} of {@code candidates} in random order, or all of them when there are fewer. */
  public static <T> List<T> draw(List<T> candidates, int count, Random random) {
    List<T> pool = new ArrayList<>(candidates);
    Collections.shuffle(pool, random);
    return List.copyOf(pool.subList(0, Math.min(count, pool.size())));
  }

  /**
   * The keys of what the learner picks from, comma-separated in the order shown: choices, or the
   * answers of a matching question, shuffled when the quiz says so; the items of an ordering
   * question are always shuffled (in their right order they would give the answer away). Null for
   * types without such a list.
   */
  public static String choiceOrder(QuestionContent content, boolean shuffle, Random random) {
    List<String> keys = new ArrayList<>();
    QuestionType type = content.type();
    switch (type) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE, ORDERING ->
          content.choices().forEach(c -> keys.add(c.key()));
      case MATCHING -> content.pairs().forEach(p -> keys.add(p.key()));
      default -> {
        return null;
      }
    }
    if (type == QuestionType.ORDERING) {
      List<String> right = List.copyOf(keys);
      for (int i = 0; i < 5 && keys.equals(right) && keys.size() > 1; i++) {
        Collections.shuffle(keys, random);
      }
    } else if (shuffle) {
      Collections.shuffle(keys, random);
    }
    return String.join(",", keys);
  }
}
