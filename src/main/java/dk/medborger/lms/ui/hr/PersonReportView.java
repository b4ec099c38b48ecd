package dk.medborger.lms.ui.hr;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.reporting.boundary.Certificates;
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

  @Inject Certificates certificates;

  private PersonDetail person;
  private boolean loaded;
  private Certificates.Certificate certificate;
  private boolean certificateLoaded;
  private String reason;

  /** The person's certificate of the course, or null when the course is not completed. */
  public Certificates.Certificate getCertificate() {
    if (!certificateLoaded && getPerson() != null) {
      certificateLoaded = true;
      certificate =
          certificates
              .forHr(signedIn.require().userId(), person.userId(), person.course().outline().id())
              .orElse(null);
    }
    return certificate;
  }

  /** Revokes the certificate, with the reason HR gives. */
  public String revoke() {
    if (getCertificate() == null) {
      return null;
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      Pages.fieldError("revokeForm:reason", "report.revokeReasonRequired");
      return null;
    }
    certificates.revoke(signedIn.require().userId(), certificate.id(), reason);
    Pages.message(jakarta.faces.application.FacesMessage.SEVERITY_INFO, "report.revoked");
    jakarta.faces.context.FacesContext.getCurrentInstance()
        .getExternalContext()
        .getFlash()
        .setKeepMessages(true);
    return "/hr/person.xhtml?faces-redirect=true&id="
        + person.userId()
        + "&course="
        + person.course().outline().id();
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

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
