package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentViews.FileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Participant;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * How the grading pages name a learner and their files: by name, or under blind grading by the
 * pseudonym in the page's language ({@code #{participants.name(row.learner)}} → "Deltager 7").
 */
@Named
@ApplicationScoped
public class Participants {

  public String name(Participant participant) {
    return participant.hidden()
        ? BlindGrading.label(Pages.text("blind.participant"), participant.number(), 0)
        : participant.name();
  }

  public String file(FileRow file) {
    return file.hidden()
        ? BlindGrading.label(Pages.text("blind.file"), 0, file.number()) + file.extension()
        : file.name();
  }
}
