package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.control.LoginThrottle;
import dk.medborger.lms.identity.control.PasswordHashing;
import dk.medborger.lms.platform.Transport;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Answers a login post that would be refused anyway — its user name or address is locked ({@link
 * LoginThrottle}), or every password check is in use ({@link PasswordHashing#allBusy}) — before any
 * page is built: a small page with the same Danish or English text as the login page, 429 or 503. A
 * flood of logins then costs little more than its connections, and a learner's page does not wait
 * behind hundreds of login pages being rendered (ADR 19). Mapped in web.xml to the login page,
 * after the request guard.
 */
public class LoginFloodGuard implements Filter {

  @Inject LoginThrottle throttle;

  @Inject PasswordHashing passwords;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if ("POST".equals(request.getMethod())) {
      if (request.getCharacterEncoding() == null) {
        request.setCharacterEncoding("UTF-8");
      }
      String typed = request.getParameter("login:username");
      if (typed != null) {
        long locked =
            throttle.lockedFor(UserAccounts.normalise(typed), Transport.clientAddress(request));
        if (locked > 0) {
          refuse(request, response, 429, "login.LOCKED", Math.max(1, (locked + 59) / 60));
          return;
        }
        if (passwords.allBusy()) {
          refuse(request, response, 503, "login.BUSY");
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String key,
      Object... arguments)
      throws IOException {
    String language = "en".equals(LoginMechanism.languageCookie(request)) ? "en" : "da";
    Locale locale = Locale.forLanguageTag(language);
    ResourceBundle texts = ResourceBundle.getBundle("messages", locale);
    String text = new MessageFormat(texts.getString(key), locale).format(arguments);
    response.setStatus(status);
    response.setHeader("Retry-After", status == 429 ? String.valueOf(60) : "2");
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    PrintWriter out = response.getWriter();
    out.write("<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\"/>");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    out.write("<title>" + texts.getString("login.title") + " – " + texts.getString("app.name"));
    out.write("</title></head><body><main><h1>" + texts.getString("login.title") + "</h1>");
    out.write("<p role=\"alert\" class=\"message message--error\">" + text + "</p>");
    out.write("<p><a href=\"" + request.getContextPath() + "/login.xhtml\">");
    out.write(texts.getString("login.tryAgain") + "</a></p></main></body></html>");
  }
}
