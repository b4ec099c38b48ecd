package dk.medborger.lms.assignments.control;

import static dk.medborger.lms.assignments.control.LateRules.Verdict.LATE;
import static dk.medborger.lms.assignments.control.LateRules.Verdict.ON_TIME;
import static dk.medborger.lms.assignments.control.LateRules.Verdict.REFUSED;
import static dk.medborger.lms.assignments.entity.LatePolicy.ACCEPT_MARK_LATE;
import static dk.medborger.lms.assignments.entity.LatePolicy.ACCEPT_WITH_PENALTY;
import static dk.medborger.lms.assignments.entity.LatePolicy.REFUSE_AFTER_CUTOFF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LateRulesTest {

  private static final Instant DUE = Instant.parse("2026-12-10T22:59:00Z");
  private static final Instant CUTOFF = DUE.plus(Duration.ofDays(3));

  @Test
  void workUpToTheDueDateIsOnTimeAndAfterItLate() {
    assertEquals(ON_TIME, LateRules.verdict(ACCEPT_MARK_LATE, DUE, null, null, DUE));
    assertEquals(LATE, LateRules.verdict(ACCEPT_MARK_LATE, DUE, null, null, DUE.plusSeconds(1)));
    assertEquals(ON_TIME, LateRules.verdict(ACCEPT_MARK_LATE, null, null, null, DUE));
  }

  @Test
  void afterTheCutOffWorkIsRefusedOnlyUnderThatPolicy() {
    Instant after = CUTOFF.plusSeconds(1);
    assertEquals(REFUSED, LateRules.verdict(REFUSE_AFTER_CUTOFF, DUE, CUTOFF, null, after));
    assertEquals(LATE, LateRules.verdict(REFUSE_AFTER_CUTOFF, DUE, CUTOFF, null, CUTOFF));
    assertEquals(LATE, LateRules.verdict(ACCEPT_WITH_PENALTY, DUE, CUTOFF, null, after));
  }

  @Test
  void anExtensionMovesTheDueDateAndACutOffBeforeIt() {
    Instant extended = CUTOFF.plus(Duration.ofDays(2));
    assertEquals(ON_TIME, LateRules.verdict(REFUSE_AFTER_CUTOFF, DUE, CUTOFF, extended, extended));
    assertEquals(
        REFUSED,
        LateRules.verdict(REFUSE_AFTER_CUTOFF, DUE, CUTOFF, extended, extended.plusSeconds(1)));
  }

  @Test
  void anExtensionNeverBringsTheDueDateForwardAndNeedsADueDateToExtend() {
    Instant earlier = DUE.minus(Duration.ofDays(1));
    assertEquals(DUE, LateRules.due(DUE, earlier), "the assignment's due date was moved past it");
    assertEquals(LATE, LateRules.verdict(ACCEPT_MARK_LATE, DUE, null, earlier, DUE.plusSeconds(1)));
    assertEquals(null, LateRules.due(null, DUE), "no due date for the others: none for anyone");
    assertEquals(ON_TIME, LateRules.verdict(ACCEPT_MARK_LATE, null, null, DUE, DUE.plusSeconds(1)));
  }

  @Test
  void aPenaltyTakesItsPercentOfLateWorkOnly() {
    BigDecimal ten = BigDecimal.TEN;
    assertEquals(new BigDecimal("8"), LateRules.penalised(ten, ACCEPT_WITH_PENALTY, 20, true));
    assertEquals(ten, LateRules.penalised(ten, ACCEPT_WITH_PENALTY, 20, false));
    assertEquals(ten, LateRules.penalised(ten, ACCEPT_MARK_LATE, null, true));
  }
}
