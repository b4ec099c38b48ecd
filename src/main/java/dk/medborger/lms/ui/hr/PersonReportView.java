package dk.medborger.lms.ui.hr;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.CompletionReports.PersonDetail;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One person's detail in a course for HR: each activity's state, dates and score; 403 outside the
 * HR user's scope, 404 for no such person or enrolment.
 */
@Named
@RequestScoped
public class PersonReportView {

  @Inject SignedIn signedIn;

  @Inject CompletionReports reports;

  private PersonDetail person;
  private boolean loaded;

  public PersonDetail getPerson() {
    if (!loaded) {
      loaded = true;
      Long id = Pages.id(Pages.requestParameter("id"));
      Long course = Pages.id(Pages.requestParameter("course"));
      person =
          id == null || course == null
              ? Pages.orNotFound(() -> null)
              : Pages.orNotFound(() -> reports.person(signedIn.require().userId(), id, course));
    }
    return person;
  }
}
