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
 * CompletionReports}: {@code report.csv} and {@code report.xlsx} with the page's filter, every row.
 * The scope and filter are checked before the first byte is sent, so a refused export is a plain
 * 403 or 404.
 */
@WebServlet(urlPatterns = {"/hr/report.csv", "/hr/report.xlsx"})
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
    try {
      reports.report(hr, filter);
    } catch (NotFoundException e) {
      response.sendError(404);
      return;
    } catch (ForbiddenException e) {
      response.sendError(403);
      return;
    }
    ResourceBundle msg = ResourceBundle.getBundle("messages", locale.getLocale());
    boolean xlsx = request.getServletPath().endsWith(".xlsx");
    response.setContentType(
        xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"gennemfoerelse-"
            + LocalDate.now(Clocks.DANISH_TIME)
            + (xlsx ? ".xlsx" : ".csv")
            + "\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    if (xlsx) {
      exports.xlsx(hr, filter, msg::getString, response.getOutputStream());
    } else {
      Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
      exports.csv(hr, filter, msg::getString, out);
    }
  }
}
