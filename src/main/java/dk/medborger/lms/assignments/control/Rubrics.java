package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.entity.LatePolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rubric's judgements as the submission and its history keep them — {@code "12:PASS,13:FAIL"} for
 * a competence rubric, {@code "12:L40,13:L44"} (chosen level ids) for a points rubric — and what
 * they add up to.
 *
 * <pre>
 * Rubrics.passedAll(Map.of(12L, "PASS", 13L, "PASS"), 2)   // true
 * Rubrics.format(Map.of(12L, "PASS"))                       // "12:PASS"
 * </pre>
 */
public final class Rubrics {

  public static final String PASS = "PASS";
  public static final String FAIL = "FAIL";

  private Rubrics() {}

  public static String format(Map<Long, String> judgements) {
    return judgements.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  public static Map<Long, String> parse(String stored) {
    Map<Long, String> judgements = new LinkedHashMap<>();
    if (stored == null || stored.isBlank()) {
      return judgements;
    }
    for (String pair : stored.split(",")) {
      String[] kv = pair.split(":", 2);
      if (kv.length == 2 && kv[0].matches("\\d{1,18}")) {
        judgements.put(Long.parseLong(kv[0]), kv[1]);
      }
    }
    return judgements;
  }

  /**
   * A competence rubric's verdict: null while a criterion of {@code criteria} is not judged, true
   * when every criterion is passed, false otherwise.
   */
  public static Boolean passedAll(Map<Long, String> judgements, int criteria) {
    long judged =
        judgements.values().stream().filter(v -> PASS.equals(v) || FAIL.equals(v)).count();
    if (judged < criteria) {
      return null;
    }
    return judgements.values().stream().allMatch(PASS::equals);
  }

  /**
   * Whether points given for work that was {@code late} or not pass, judged after the late penalty
   * as the released grade will be.
   */
  public static boolean passes(
      BigDecimal points, BigDecimal pass, LatePolicy policy, Integer penaltyPercent, boolean late) {
    return reaches(LateRules.penalised(points, policy, penaltyPercent, late), pass);
  }

  /** Whether {@code points} reach the pass mark. */
  public static boolean reaches(BigDecimal points, BigDecimal pass) {
    return points != null && Objects.requireNonNull(pass).compareTo(points) <= 0;
  }
}
