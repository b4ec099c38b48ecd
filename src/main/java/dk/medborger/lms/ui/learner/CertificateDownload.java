package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.reporting.boundary.Certificates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The learner's own certificate of a completed course, as a PDF in Danish: {@code
 * /learner/certificate.pdf?course=ID}, behind the {@code /learner/*} constraint; 404 when the
 * course is not completed. The QR code points at this server's {@code /verify/CODE}.
 */
@WebServlet("/learner/certificate.pdf")
public class CertificateDownload extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  @Inject transient Certificates certificates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String course = request.getParameter("course");
    if (course == null || !course.matches("[1-9]\\d{0,17}")) {
      response.sendError(404);
      return;
    }
    ResourceBundle danish = ResourceBundle.getBundle("messages", Locale.forLanguageTag("da"));
    Optional<byte[]> pdf =
        certificates.pdf(
            signedIn.require().userId(),
            Long.parseLong(course),
            danish::getString,
            VerifyServlet.base(request));
    if (pdf.isEmpty()) {
      response.sendError(404);
      return;
    }
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", "attachment; filename=\"kursusbevis.pdf\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(pdf.get().length);
    response.getOutputStream().write(pdf.get());
  }
}
