package dk.medborger.lms.ui.hr;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.CompletionReports.Place;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.reporting.boundary.ReportSubscriptions;
import dk.medborger.lms.reporting.boundary.ReportSubscriptions.Subscription;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * HR's monthly reports by mail: subscribe to the report of the filter the report page came with,
 * see one's subscriptions in words, cancel one.
 */
@Named
@RequestScoped
public class SubscriptionsView {

  @Inject SignedIn signedIn;

  @Inject ReportSubscriptions subscriptions;

  @Inject CompletionReports reports;

  private ReportFilter filter;
  private Map<String, String> placeNames;
  private Map<Long, String> courseTitles;

  private ReportFilter filter() {
    if (filter == null) {
      filter = ReportFilter.of(Pages::requestParameter);
    }
    return filter;
  }

  /** The filter the page came with, when it names a course: what "subscribe" subscribes to. */
  public ReportFilter getOffered() {
    if (filter().courseId() == null || !filter().problems().isEmpty()) {
      return null;
    }
    String place = placeKey(filter());
    if (place != null && !names().containsKey(place)) {
      // A place outside the scope is not offered, nor named: the same 403 as the report's.
      Pages.forbidden();
      return null;
    }
    return filter();
  }

  public List<Map.Entry<String, String>> getFilterFields() {
    return List.copyOf(filter().fields().entrySet());
  }

  public List<Subscription> getSubscriptions() {
    return subscriptions.of(signedIn.require().userId());
  }

  /** A subscription's (or the offered) filter in words: course, then place, role, status, dates. */
  public String describe(String query) {
    ReportFilter f = ReportFilter.ofQuery(query);
    ResourceBundle msg =
        ResourceBundle.getBundle(
            "messages", FacesContext.getCurrentInstance().getViewRoot().getLocale());
    String place = placeKey(f);
    String placeName =
        place == null
            ? msg.getString("report.allMunicipalities")
            : names().getOrDefault(place, msg.getString("report.allMunicipalities"));
    return ReportDownloads.describe(f, placeName, msg);
  }

  /** The title of a course, for the list. */
  public String course(long courseId) {
    if (courseTitles == null) {
      courseTitles = new HashMap<>();
      for (CourseOutline c : reports.courses()) {
        courseTitles.put(c.id(), c.title());
      }
    }
    return courseTitles.getOrDefault(courseId, "");
  }

  /** Municipalities and units have ids of their own: "m7" and "u7" are two places. */
  private static String placeKey(ReportFilter f) {
    return f.unitId() != null
        ? "u" + f.unitId()
        : f.municipalityId() != null ? "m" + f.municipalityId() : null;
  }

  private Map<String, String> names() {
    if (placeNames == null) {
      placeNames = new HashMap<>();
      for (Place m : reports.places(signedIn.require().userId())) {
        placeNames.put("m" + m.id(), m.name());
        for (Place u : m.units()) {
          placeNames.put("u" + u.id(), u.name());
        }
      }
    }
    return placeNames;
  }

  public String subscribe() {
    if (getOffered() == null) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "subscriptions.nothingOffered");
      return null;
    }
    try {
      subscriptions.subscribe(signedIn.require().userId(), getOffered());
    } catch (IllegalStateException e) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "subscriptions.tooMany");
      return null;
    }
    return done("subscriptions.subscribed");
  }

  public String cancel(long id) {
    try {
      subscriptions.cancel(signedIn.require().userId(), id);
    } catch (NotFoundException | ForbiddenException e) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "subscriptions.notYours");
      return null;
    }
    return done("subscriptions.cancelled");
  }

  private String done(String key) {
    Pages.message(FacesMessage.SEVERITY_INFO, key);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/hr/subscriptions.xhtml?faces-redirect=true";
  }
}
