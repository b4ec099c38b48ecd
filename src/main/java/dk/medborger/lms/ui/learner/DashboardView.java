package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress.DashboardEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The learner's dashboard: my courses, how far I am, what is due, where to continue. */
@Named
@RequestScoped
public class DashboardView {

  @Inject SignedIn signedIn;

  @Inject LearnerProgress progress;

  private List<DashboardEntry> entries;

  public List<DashboardEntry> getEntries() {
    if (entries == null) {
      entries = progress.dashboard(signedIn.require().userId());
    }
    return entries;
  }
}
