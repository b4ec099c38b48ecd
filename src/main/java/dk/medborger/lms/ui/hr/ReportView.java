package dk.medborger.lms.ui.hr;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.CompletionReports.Group;
import dk.medborger.lms.reporting.boundary.CompletionReports.People;
import dk.medborger.lms.reporting.boundary.CompletionReports.Place;
import dk.medborger.lms.reporting.boundary.CompletionReports.Report;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.reporting.control.ReportSql.PeopleOrder;
import dk.medborger.lms.ui.common.BarChart;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The completion report for HR users and unit managers: the filter (in the URL, so a report can be
 * bookmarked), the figures, one row per municipality or unit with a link one level down, a chart of
 * completion with its table, and the people of the filter page by page, sortable.
 */
@Named
@RequestScoped
public class ReportView {

  /** People per page. */
  static final int PAGE_SIZE = 25;

  @Inject SignedIn signedIn;

  @Inject CompletionReports reports;

  private ReportFilter filter;
  private Report report;
  private People people;
  private List<CourseOutline> courses;
  private List<Place> places;
  private boolean loaded;

  /** The report; null (and the page says why) when the filter cannot be shown. */
  public Report getReport() {
    load();
    return report;
  }

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    courses = reports.courses();
    filter = AskedFilter.of(courses).filter();
    long hr = signedIn.require().userId();
    ReportFilter shown = filter;
    report = Pages.orNotFound(() -> reports.report(hr, shown));
    if (report != null) {
      people =
          reports.people(
              hr,
              shown,
              getOrder(),
              isDescending(),
              getFirst(),
              PAGE_SIZE,
              report.total().enrolled());
      places = reports.places(hr);
    }
  }

  public ReportFilter getFilter() {
    load();
    return filter;
  }

  public People getPeople() {
    load();
    return people;
  }

  public List<CourseOutline> getCourses() {
    load();
    return courses;
  }

  public List<Place> getPlaces() {
    load();
    return places;
  }

  public JobRole[] getJobRoles() {
    return JobRole.values();
  }

  public ReportFilter.Status[] getStatuses() {
    return ReportFilter.Status.values();
  }

  /** The column the people are sorted by ({@code ?sort=}), by name unless another is asked. */
  public PeopleOrder getOrder() {
    String sort = Pages.requestParameter("sort");
    try {
      return sort == null ? PeopleOrder.NAME : PeopleOrder.valueOf(sort);
    } catch (IllegalArgumentException e) {
      return PeopleOrder.NAME;
    }
  }

  public boolean isDescending() {
    return "desc".equals(Pages.requestParameter("dir"));
  }

  /** The first person shown ({@code ?first=}), a multiple of the page size. */
  public int getFirst() {
    String first = Pages.requestParameter("first");
    if (first == null || !first.matches("\\d{1,9}")) {
      return 0;
    }
    return Integer.parseInt(first) / PAGE_SIZE * PAGE_SIZE;
  }

  public int getPageSize() {
    return PAGE_SIZE;
  }

  /** A link to this report with another place chosen (the rest of the filter kept). */
  public String link(Long municipality, Long unit) {
    return "index.xhtml?" + getFilter().with(filter.courseId(), municipality, unit).query();
  }

  /** The link for a group row: one level down. */
  public String groupLink(Group group) {
    return getReport().level() == CompletionReports.Level.MUNICIPALITY
        ? link(group.id(), null)
        : link(filter.municipalityId(), group.id());
  }

  /** A link to the people sorted by {@code order}: again by the same column turns it round. */
  public String sortLink(String order) {
    boolean again = getOrder().name().equals(order) && !isDescending();
    return "index.xhtml?" + getFilter().query() + "&sort=" + order + (again ? "&dir=desc" : "");
  }

  /** {@code aria-sort} of a column header, or null when the people are not sorted by it. */
  public String ariaSort(String order) {
    return getOrder().name().equals(order) ? (isDescending() ? "descending" : "ascending") : null;
  }

  /** The link to another page of people. */
  public String pageLink(int first) {
    return "index.xhtml?"
        + getFilter().query()
        + "&sort="
        + getOrder()
        + (isDescending() ? "&dir=desc" : "")
        + "&first="
        + first;
  }

  /** The export's address: the same filter, every row. */
  public String exportLink(String format) {
    return "report." + format + "?" + getFilter().query();
  }

  /** Completion per group as Chart.js configuration for {@code p:chart}. */
  public String getChartJson() {
    List<String> labels = new ArrayList<>();
    List<java.math.BigDecimal> values = new ArrayList<>();
    for (Group group : getReport().groups()) {
      labels.add(group.name());
      values.add(group.figures().completionPercent());
    }
    return BarChart.of(labels, values, Pages.text("report.completionPercent"))
        .horizontal()
        .upTo(100)
        .json();
  }
}
