package dk.medborger.lms.ui.hr;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.OverdueReminders;
import dk.medborger.lms.reporting.boundary.OverdueReminders.Candidate;
import dk.medborger.lms.reporting.boundary.OverdueReminders.Sent;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HR's reminders to the overdue of a report's filter: everyone who can be reminded is chosen at
 * first; HR unticks whom to spare and sends. Each person gets at most one reminder a week; the page
 * says who was left out and why.
 */
@Named
@RequestScoped
public class RemindView {

  @Inject SignedIn signedIn;

  @Inject OverdueReminders reminders;

  @Inject CompletionReports reports;

  @Inject Clock clock;

  private ReportFilter filter;
  private List<Candidate> candidates;
  private CourseOutline course;

  private void load() {
    if (filter != null) {
      return;
    }
    AskedFilter asked = AskedFilter.of(reports.courses());
    filter = asked.filter().with(ReportFilter.Status.OVERDUE);
    course = asked.course();
    long hr = signedIn.require().userId();
    ReportFilter shown = filter;
    candidates = Pages.orNotFound(() -> reminders.overdue(hr, shown));
  }

  public List<Candidate> getCandidates() {
    load();
    return candidates;
  }

  public CourseOutline getCourse() {
    load();
    return course;
  }

  public ReportFilter getFilter() {
    load();
    return filter;
  }

  /** The filter as hidden fields of the form, so that the post reminds within the same filter. */
  public List<Map.Entry<String, String>> getFilterFields() {
    return List.copyOf(getFilter().fields().entrySet());
  }

  public Instant getNow() {
    return clock.instant();
  }

  /** When a person reminded at {@code last} can be reminded again. */
  public Instant again(Instant last) {
    return last.plus(OverdueReminders.AT_MOST_EVERY);
  }

  /** Whether anyone on the page can be reminded now (else there is nothing to send). */
  public boolean isAnyRemindable() {
    Instant now = getNow();
    return getCandidates().stream().anyMatch(c -> c.remindable(now));
  }

  public boolean isMore() {
    return getCandidates().size() >= OverdueReminders.MOST_AT_ONCE;
  }

  public int getMostAtOnce() {
    return OverdueReminders.MOST_AT_ONCE;
  }

  public String send() {
    load();
    String[] chosen =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterValuesMap()
            .get("person");
    Set<Long> ids =
        chosen == null
            ? Set.of()
            : Arrays.stream(chosen)
                .map(Pages::id)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    if (ids.isEmpty()) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "remind.noneChosen");
      return null;
    }
    Sent sent = reminders.remind(signedIn.require().userId(), filter, ids);
    Pages.message(FacesMessage.SEVERITY_INFO, "remind.sent", sent.sent());
    if (sent.recentlyReminded() > 0) {
      Pages.message(FacesMessage.SEVERITY_WARN, "remind.skippedRecent", sent.recentlyReminded());
    }
    if (sent.noAddress() > 0) {
      Pages.message(FacesMessage.SEVERITY_WARN, "remind.skippedNoAddress", sent.noAddress());
    }
    if (sent.notOverdue() > 0) {
      Pages.message(FacesMessage.SEVERITY_WARN, "remind.skippedNotOverdue", sent.notOverdue());
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/hr/remind.xhtml?faces-redirect=true&" + filter.query();
  }
}
