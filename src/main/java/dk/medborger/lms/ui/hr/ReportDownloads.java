package dk.medborger.lms.ui.hr;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.ReportExports;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.ui.common.LocaleSelection;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ResourceBundle;

/**
 * The completion report's exports, behind the {@code /hr/*} constraint and the scope of {@link
 * CompletionReports}: {@code report.csv}, {@code report.xlsx} and {@code report.pdf} with the
 * page's filter, every row. The scope and filter are checked before the first byte is sent, so a
 * refused export is a plain 403 or 404.
 */
@WebServlet(urlPatterns = {"/hr/report.csv", "/hr/report.xlsx", "/hr/report.pdf"})
public class ReportDownloads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  @Inject transient CompletionReports reports;

  @Inject transient ReportExports exports;

  @Inject transient LocaleSelection locale;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ReportFilter filter = ReportFilter.of(request::getParameter);
    if (filter.courseId() == null || !filter.problems().isEmpty()) {
      response.sendError(404);
      return;
    }
    long hr = signedIn.require().userId();
    CompletionReports.Report report;
    try {
      report = reports.report(hr, filter);
    } catch (NotFoundException e) {
      response.sendError(404);
      return;
    } catch (ForbiddenException e) {
      response.sendError(403);
      return;
    }
    ResourceBundle msg = ResourceBundle.getBundle("messages", locale.getLocale());
    String path = request.getServletPath();
    String format = path.substring(path.lastIndexOf('.') + 1);
    response.setContentType(
        switch (format) {
          case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
          case "pdf" -> "application/pdf";
          default -> "text/csv; charset=UTF-8";
        });
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"gennemfoerelse-"
            + LocalDate.now(Clocks.DANISH_TIME)
            + "."
            + format
            + "\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    if (format.equals("xlsx")) {
      exports.xlsx(hr, filter, msg::getString, response.getOutputStream());
    } else if (format.equals("pdf")) {
      exports.pdf(
          hr,
          filter,
          msg::getString,
          msg.getString("hr.title") + ": " + report.course().title(),
          describe(report, msg),
          response.getOutputStream());
    } else {
      Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
      exports.csv(hr, filter, msg::getString, out);
    }
  }

  /** The filter in words, for the PDF's heading: place, job role, status and dates. */
  static String describe(CompletionReports.Report report, ResourceBundle msg) {
    return describe(
        report.filter(),
        report.unit() != null
            ? report.unit()
            : report.municipality() != null
                ? report.municipality()
                : msg.getString("report.allMunicipalities"),
        msg);
  }

  /** A filter in words, with the name of its place given: place, job role, status and dates. */
  static String describe(ReportFilter f, String place, ResourceBundle msg) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    parts.add(place);
    if (f.jobRole() != null) {
      parts.add(msg.getString("jobRole." + f.jobRole()));
    }
    if (f.status() != null) {
      parts.add(msg.getString("reportStatus." + f.status()));
    }
    if (f.enrolledFrom() != null || f.enrolledTo() != null) {
      parts.add(msg.getString("report.enrolled") + " " + range(f.enrolledFrom(), f.enrolledTo()));
    }
    if (f.dueFrom() != null || f.dueTo() != null) {
      parts.add(msg.getString("report.due") + " " + range(f.dueFrom(), f.dueTo()));
    }
    return String.join(" · ", parts);
  }

  private static String range(LocalDate from, LocalDate to) {
    java.time.format.DateTimeFormatter day =
        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");
    return (from == null ? "" : day.format(from)) + "–" + (to == null ? "" : day.format(to));
  }
}
