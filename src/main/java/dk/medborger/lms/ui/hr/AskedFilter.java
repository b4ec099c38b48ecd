package dk.medborger.lms.ui.hr;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.ui.common.Pages;
import java.util.List;

/**
 * The report filter a page of the HR section was asked for in its address, with the first course
 * when none is named, and the course it names: one reading for the report, reminder and trend
 * pages.
 *
 * <pre>
 * AskedFilter asked = AskedFilter.of(reports.courses());
 * report = reports.report(hr, asked.filter());
 * </pre>
 */
record AskedFilter(ReportFilter filter, CourseOutline course) {

  static AskedFilter of(List<CourseOutline> courses) {
    ReportFilter asked = ReportFilter.of(Pages::requestParameter);
    if (asked.courseId() == null && !courses.isEmpty()) {
      asked = asked.with(courses.get(0).id(), asked.municipalityId(), asked.unitId());
    }
    Long id = asked.courseId();
    CourseOutline course =
        courses.stream().filter(c -> id != null && c.id() == id).findFirst().orElse(null);
    return new AskedFilter(asked, course);
  }
}
