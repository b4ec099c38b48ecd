package dk.medborger.lms.quizzes.entity;

import java.util.List;
import java.util.Map;

/**
 * A learner's answer to one question, as saved (JSON in {@code attempt_answer.response}).
 *
 * <ul>
 *   <li>{@code SINGLE_CHOICE}, {@code TRUE_FALSE}: {@code keys} holds the chosen key.
 *   <li>{@code MULTIPLE_CHOICE}: {@code keys} holds every chosen key.
 *   <li>{@code ORDERING}: {@code keys} holds every item key in the learner's order.
 *   <li>{@code SHORT_ANSWER}, {@code NUMERIC}, {@code ESSAY}: {@code text}.
 *   <li>{@code MATCHING}: {@code matches} maps a prompt's pair key to the pair key of the answer
 *       chosen for it.
 * </ul>
 */
public record Response(List<String> keys, String text, Map<String, String> matches) {

  public Response {
    keys = keys == null ? List.of() : List.copyOf(keys);
    matches = matches == null ? Map.of() : Map.copyOf(matches);
  }

  public static Response ofKeys(List<String> keys) {
    return new Response(keys, null, null);
  }

  public static Response ofText(String text) {
    return new Response(null, text, null);
  }

  public static Response ofMatches(Map<String, String> matches) {
    return new Response(null, null, matches);
  }

  /** Nothing was answered. */
  public boolean blank() {
    return keys.isEmpty() && (text == null || text.isBlank()) && matches.isEmpty();
  }
}
