package dk.medborger.lms.ui.hr;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.CompletionReports.MonthCount;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.ui.common.BarChart;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Completions over time: how many completed the course each month of the last year, for the
 * report's filter within the HR user's scope, as a chart and as a table. A page of its own, so the
 * report page keeps its two scans (ADR 7, docs/benchmarks.md).
 */
@Named
@RequestScoped
public class TrendView {

  /** Months shown. */
  static final int MONTHS = 12;

  @Inject SignedIn signedIn;

  @Inject CompletionReports reports;

  private ReportFilter filter;
  private List<MonthCount> months;
  private CourseOutline course;

  private void load() {
    if (filter != null) {
      return;
    }
    AskedFilter asked = AskedFilter.of(reports.courses());
    filter = asked.filter();
    course = asked.course();
    long hr = signedIn.require().userId();
    ReportFilter shown = filter;
    months = Pages.orNotFound(() -> reports.completionsByMonth(hr, shown, MONTHS));
  }

  public List<MonthCount> getMonths() {
    load();
    return months;
  }

  public CourseOutline getCourse() {
    load();
    return course;
  }

  public ReportFilter getFilter() {
    load();
    return filter;
  }

  public long getTotal() {
    return getMonths() == null ? 0 : getMonths().stream().mapToLong(MonthCount::completed).sum();
  }

  /** A month as the page names it ("december 2026"). */
  public String monthName(MonthCount m) {
    return DateTimeFormatter.ofPattern("MMMM yyyy")
        .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .format(m.month());
  }

  public String getChartJson() {
    return BarChart.of(
            getMonths().stream().map(this::monthName).toList(),
            getMonths().stream().map(MonthCount::completed).toList(),
            Pages.text("trend.completed"))
        .counting()
        .json();
  }
}
