package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.boundary.LoginOutcome.Kind;
import dk.medborger.lms.identity.control.LoginFailures;
import dk.medborger.lms.identity.control.LoginThrottle;
import dk.medborger.lms.identity.control.PasswordHashing;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.identity.entity.UserAccount;
import dk.medborger.lms.platform.Database;
import dk.medborger.lms.platform.Sessions;
import dk.medborger.lms.platform.Transport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Form login against the database, with the signed-in caller kept in the HTTP session. Written by
 * hand instead of the built-in form mechanisms: their {@code @AutoApplySession} gives logged-in
 * users spurious 403s under concurrent load on Payara 6 (payara/Payara#6145; see
 * docs/decisions/0003-own-authentication-mechanism.md).
 *
 * <p>The login page calls {@code SecurityContext.authenticate} with the user's credential. A login
 * is refused before any work while its user name or address is locked ({@link LoginThrottle}) or
 * the session cap is reached; the password is checked in a bounded pool ({@link PasswordHashing},
 * the same work for unknown users); on success the session id changes (no fixation) and the caller
 * is stored. Only a login opens a session: an anonymous request for a protected page is sent to the
 * login page with the way back in {@code ?back=} (ADR 18); a form posted after the session ended is
 * sent there with the way back its field {@value #BACK_FIELD} names, and {@code interrupted=true}
 * (ADR 27).
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(LoginMechanism.class.getName());

  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String LANGUAGE = "medborger.language";

  /** The cookie that keeps the language chosen before login (and after logout). */
  public static final String LANGUAGE_COOKIE = "medborger-language";

  /**
   * The form field in which a page names where to come back to when a click of it finds the session
   * ended: the same name as the login page's own {@code ?back=}.
   */
  public static final String BACK_FIELD = "back";

  /** Longer return addresses are dropped: the login page then leads to the start page. */
  static final int LONGEST_BACK = 1000;

  @Inject UserAccounts accounts;

  @Inject PasswordHashing passwords;

  @Inject LoginThrottle throttle;

  @Inject LoginFailures failures;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential instanceof UsernamePasswordCredential password) {
      return login(request, context, password);
    }
    HttpSession session = request.getSession(false);
    Caller caller =
        session == null ? null : (Caller) session.getAttribute(Caller.SESSION_ATTRIBUTE);
    if (caller != null && context.isProtected()) {
      // Pages and downloads behind a constraint; not the style sheets and scripts they load.
      caller = current(session, caller);
    }
    if (caller != null) {
      return context.notifyContainerAboutLogin(
          caller.username(), caller.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
    if (context.isProtected()) {
      return redirectToLogin(request, response);
    }
    return context.doNothing();
  }

  /**
   * The session's caller with the roles the database gives now (ADR 15): a role taken away counts
   * from this request; a user no longer active is signed out (null). Should the database not
   * answer, the session's roles stand for this request; the page itself then answers 503.
   */
  private Caller current(HttpSession session, Caller caller) {
    Optional<Set<Role>> now;
    try {
      now = accounts.currentRoles(caller.userId());
    } catch (RuntimeException e) {
      return caller;
    }
    if (now.isEmpty()) {
      LOG.info(() -> "user " + caller.userId() + " is no longer active: signed out");
      session.invalidate();
      return null;
    }
    if (!now.get().equals(caller.roles())) {
      Caller changed = new Caller(caller.userId(), caller.username(), caller.fullName(), now.get());
      session.setAttribute(Caller.SESSION_ATTRIBUTE, changed);
      return changed;
    }
    return caller;
  }

  private AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential typed) {
    String username = UserAccounts.normalise(typed.getCaller());
    String address = Transport.clientAddress(request);
    LoginOutcome outcome;
    UserAccount user = null;
    long locked = throttle.lockedFor(username, address);
    if (locked > 0) {
      outcome = new LoginOutcome(Kind.LOCKED, locked);
    } else if (Sessions.full()) {
      LOG.warning(() -> "login refused: " + Sessions.open() + " sessions open, the cap");
      outcome = LoginOutcome.of(Kind.FULL);
    } else {
      try {
        user = accounts.findByUsername(username).filter(UserAccount::isActive).orElse(null);
        outcome = check(username, address, typed, user);
      } catch (RuntimeException e) {
        if (!Database.isUnavailable(e)) {
          throw e;
        }
        LOG.warning(() -> "login refused: the database does not answer (" + e + ")");
        outcome = LoginOutcome.of(Kind.UNAVAILABLE);
      }
    }
    request.setAttribute(LoginOutcome.ATTRIBUTE, outcome);
    if (outcome.kind() != Kind.SIGNED_IN) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    Set<Role> roles = Set.copyOf(user.getRoles());
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setMaxInactiveInterval(Sessions.timeoutSeconds());
    session.setAttribute(
        Caller.SESSION_ATTRIBUTE,
        new Caller(user.getId(), user.getUsername(), user.getFullName(), roles));
    // The language chosen on the login page wins, and becomes the user's.
    String chosen = languageCookie(request);
    if (chosen != null && !chosen.equals(user.getLocale())) {
      accounts.changeLanguage(user.getId(), chosen);
    }
    session.setAttribute(LANGUAGE, chosen != null ? chosen : user.getLocale());
    return context.notifyContainerAboutLogin(
        user.getUsername(), roles.stream().map(Role::name).collect(Collectors.toSet()));
  }

  private LoginOutcome check(
      String username, String address, UsernamePasswordCredential typed, UserAccount user) {
    boolean valid;
    try {
      valid =
          passwords.verify(
              typed.getPassword().getValue(), user == null ? null : user.getPasswordHash());
    } catch (BulkheadException busy) {
      return LoginOutcome.of(Kind.BUSY);
    }
    if (valid) {
      throttle.succeeded(username);
      return LoginOutcome.of(Kind.SIGNED_IN);
    }
    long lockedNow = throttle.failed(username, address);
    try {
      failures.record(username, address, user != null, lockedNow);
    } catch (RuntimeException e) {
      LOG.warning(() -> "a failed login could not be recorded: " + e);
    }
    return lockedNow > 0 ? new LoginOutcome(Kind.LOCKED, lockedNow) : LoginOutcome.of(Kind.WRONG);
  }

  /** The language the browser's cookie names ("da" or "en"), or null. */
  public static String languageCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (LANGUAGE_COOKIE.equals(c.getName())
            && ("da".equals(c.getValue()) || "en".equals(c.getValue()))) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  /** The page a GET asked for, with its query. */
  private static String requestedPage(HttpServletRequest request) {
    String target = request.getRequestURI().substring(request.getContextPath().length());
    return request.getQueryString() == null ? target : target + "?" + request.getQueryString();
  }

  /**
   * The page a form posted from names as its way back, in its field {@value #BACK_FIELD} (the
   * lesson form: {@code /learner/lesson.xhtml?id=42&pending=complete}); null without one. Only a
   * path of this application: the login page checks it again ({@code LocalPath}) before it leads
   * there.
   */
  private static String postedBack(HttpServletRequest request) {
    String back;
    try {
      back = request.getParameter(BACK_FIELD);
    } catch (RuntimeException unreadable) {
      return null; // a body that is not a form (or too large): no way back, only the login
    }
    return back != null && back.startsWith("/") && !back.startsWith("//") ? back : null;
  }

  private static AuthenticationStatus redirectToLogin(
      HttpServletRequest request, HttpServletResponse response) {
    boolean expired =
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    StringBuilder login = new StringBuilder(request.getContextPath() + LOGIN_PAGE);
    boolean get = "GET".equals(request.getMethod());
    String target = get ? requestedPage(request) : postedBack(request);
    String separator = "?";
    if (target != null && target.length() <= LONGEST_BACK) {
      login.append("?back=").append(URLEncoder.encode(target, StandardCharsets.UTF_8));
      separator = "&";
    }
    if (!get) {
      // A click whose session had ended: what it asked for was not done, and the login page says
      // so. Never done after the login either: the way back is a GET (ADR 27).
      login.append(separator).append("interrupted=true");
      separator = "&";
    }
    if (expired) {
      login.append(separator).append("expired=true");
    }
    try {
      if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
        // An ajax click after the session ended: tell Faces' JavaScript to go to the login page.
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login.toString().replace("&", "&amp;")
                    + "\"/></partial-response>");
      } else {
        response.sendRedirect(login.toString());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
