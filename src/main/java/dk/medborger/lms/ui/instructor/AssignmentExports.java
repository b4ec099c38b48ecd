package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.SubmissionExports;
import dk.medborger.lms.assignments.control.SafeFileNames;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.ui.common.LocaleSelection;
import dk.medborger.lms.ui.common.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * An assignment's exports for its instructors ({@link SubmissionExports}): every submission as a
 * streamed ZIP ({@code /instructor/submissions.zip?assignment=}) and the grades as CSV ({@code
 * /instructor/grades.csv?assignment=}), named in the instructor's language, pseudonyms under blind
 * grading. Behind the folder's role constraint and the course check (403; 404 for no such
 * assignment); attachments, never sniffed, never cached.
 */
@WebServlet(urlPatterns = {"/instructor/submissions.zip", "/instructor/grades.csv"})
public class AssignmentExports extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  @Inject transient SubmissionExports exports;

  @Inject transient LocaleSelection locale;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Long assignment = Pages.id(request.getParameter("assignment"));
    if (assignment == null) {
      response.sendError(404);
      return;
    }
    long instructor = signedIn.require().userId();
    ResourceBundle msg = ResourceBundle.getBundle("messages", locale.getLocale());
    boolean zip = request.getServletPath().endsWith(".zip");
    try {
      String name =
          exports.archiveName(
              instructor, assignment, msg.getString(zip ? "export.zip.name" : "export.csv.name"));
      response.setContentType(zip ? "application/zip" : "text/csv; charset=UTF-8");
      response.setHeader("Content-Disposition", SafeFileNames.contentDisposition(name));
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "no-store");
      if (zip) {
        exports.writeArchive(
            instructor,
            assignment,
            new SubmissionExports.ArchiveNames(
                msg.getString("blind.participant"),
                msg.getString("blind.fileName"),
                msg.getString("export.zip.text"),
                msg.getString("export.zip.file")),
            response.getOutputStream());
      } else {
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        exports.writeCsv(instructor, assignment, texts(msg), out);
      }
    } catch (NotFoundException e) {
      response.reset();
      response.sendError(404);
    } catch (ForbiddenException e) {
      response.reset();
      response.sendError(403);
    }
  }

  private static SubmissionExports.CsvTexts texts(ResourceBundle msg) {
    Map<String, String> headings = new LinkedHashMap<>();
    for (String column : SubmissionExports.COLUMNS) {
      headings.put(column, msg.getString("export.csv." + column));
    }
    Map<SubmissionStatus, String> statuses = new EnumMap<>(SubmissionStatus.class);
    for (SubmissionStatus s : SubmissionStatus.values()) {
      statuses.put(s, msg.getString("submissionStatus." + s));
    }
    return new SubmissionExports.CsvTexts(
        headings,
        statuses,
        msg.getString("blind.participant"),
        msg.getString("assignment.passed"),
        msg.getString("assignment.notPassed"),
        msg.getString("export.yes"),
        msg.getString("export.no"));
  }
}
