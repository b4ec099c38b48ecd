package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.ui.common.LocaleSelection;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The instructor's downloads, behind the {@code /instructor/*} constraint and the course check of
 * {@link QuizTeaching}: a quiz's results as CSV ({@code quiz-results.csv?id=}) and a course's
 * question bank as GIFT ({@code question-bank.gift?course=}). Sent as attachments, never sniffed.
 */
@WebServlet(urlPatterns = {"/instructor/quiz-results.csv", "/instructor/question-bank.gift"})
public class InstructorDownloads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  @Inject transient QuizTeaching teaching;

  @Inject transient LocaleSelection locale;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean csv = request.getServletPath().endsWith(".csv");
    String raw = request.getParameter(csv ? "id" : "course");
    if (raw == null || !raw.matches("\\d{1,18}")) {
      response.sendError(404);
      return;
    }
    long id = Long.parseLong(raw);
    long instructor = signedIn.require().userId();
    String body;
    String name;
    try {
      if (csv) {
        ResourceBundle msg = ResourceBundle.getBundle("messages", locale.getLocale());
        Map<String, String> headings = new LinkedHashMap<>();
        for (String column :
            new String[] {"learner", "attempt", "state", "submitted", "score", "max", "percent"}) {
          headings.put(column, msg.getString("instructor.csv." + column));
        }
        body = teaching.resultsCsv(instructor, id, headings);
        name = "quiz-" + id + "-resultater.csv";
      } else {
        body = teaching.exportGift(instructor, id);
        name = "spoergsmaalsbank-" + id + ".gift";
      }
    } catch (NotFoundException e) {
      response.sendError(404);
      return;
    } catch (ForbiddenException e) {
      response.sendError(403);
      return;
    }
    response.setContentType(csv ? "text/csv; charset=UTF-8" : "text/plain; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
