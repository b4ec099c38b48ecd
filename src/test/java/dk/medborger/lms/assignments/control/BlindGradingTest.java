package dk.medborger.lms.assignments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.entity.SubmissionStatus;
import org.junit.jupiter.api.Test;

class BlindGradingTest {

  @Test
  void theLearnerIsHiddenUnderABlindAssignmentUntilTheGradeIsReleased() {
    for (SubmissionStatus s : SubmissionStatus.values()) {
      assertEquals(s != SubmissionStatus.GRADED, BlindGrading.hidden(true, s), s.name());
      assertFalse(BlindGrading.hidden(false, s), s.name());
    }
  }

  @Test
  void aHiddenFileIsNamedByPseudonymNumberAndTypeInTheGradersLanguage() {
    assertEquals(
        "Deltager 7 – fil 2.pdf",
        BlindGrading.fileName("Deltager {0} – fil {1}", 7, 2, "application/pdf"));
    assertEquals(
        "Participant 12345 – file 1.docx",
        BlindGrading.fileName(
            "Participant {0} – file {1}",
            12345, 1, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    assertEquals(
        "Deltager's 3 – fil 1", BlindGrading.fileName("Deltager's {0} – fil {1}", 3, 1, "x/y"));
    assertTrue(BlindGrading.extension("application/x-msdownload").isEmpty());
  }

  @Test
  void blindGradingIsSwitchedOnOnlyBeforeWorkIsHandedInAndOffOnlyWithNoGradeWaitingForRelease() {
    assertEquals(null, BlindGrading.switchRefused(false, true, 0, 0));
    assertEquals(
        BlindGrading.SwitchRefused.WORK_HANDED_IN, BlindGrading.switchRefused(false, true, 1, 0));
    assertEquals(null, BlindGrading.switchRefused(true, false, 5, 0), "off: names shown from now");
    assertEquals(
        BlindGrading.SwitchRefused.GRADES_SAVED, BlindGrading.switchRefused(true, false, 5, 1));
    assertEquals(
        null, BlindGrading.switchRefused(true, true, 5, 1), "unchanged: nothing to refuse");
  }

  @Test
  void everyTypeAnAssignmentMayAllowHasAnExtensionForBlindDownloadNames() {
    for (String type : dk.medborger.lms.assignments.entity.Assignment.DEFAULT_TYPES) {
      assertFalse(BlindGrading.extension(type).isEmpty(), type);
    }
  }
}
