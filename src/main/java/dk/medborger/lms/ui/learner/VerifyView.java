package dk.medborger.lms.ui.learner;

import dk.medborger.lms.reporting.boundary.Certificates;
import dk.medborger.lms.reporting.boundary.Certificates.Verification;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The public verification page of a certificate: valid, revoked or unknown; name, course, date. */
@Named
@RequestScoped
public class VerifyView {

  @Inject Certificates certificates;

  private Verification verification;

  public Verification getVerification() {
    if (verification == null) {
      Object code =
          FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get("verifyCode");
      String typed = code == null ? Pages.requestParameter("code") : code.toString();
      verification = certificates.verify(typed == null ? null : typed.strip().toUpperCase());
    }
    return verification;
  }
}
