package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.identity.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Form login against the database, with the signed-in caller kept in the HTTP session. Written by
 * hand instead of the built-in form mechanisms: their {@code @AutoApplySession} gives logged-in
 * users spurious 403s under concurrent load on Payara 6 (payara/Payara#6145; see
 * docs/decisions/0003-own-authentication-mechanism.md).
 *
 * <p>The login page calls {@code SecurityContext.authenticate} with the user's credential; on
 * success the session id changes (no fixation) and the caller is stored. Every later request
 * re-establishes the caller from the session. An anonymous request for a protected page is sent to
 * the login page, which returns there after login.
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String SAVED_URL = "medborger.savedUrl";
  public static final String LANGUAGE = "medborger.language";

  @Inject IdentityStoreHandler identityStores;

  @Inject UserAccounts accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential != null) {
      return login(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    Caller caller =
        session == null ? null : (Caller) session.getAttribute(Caller.SESSION_ATTRIBUTE);
    if (caller != null) {
      return context.notifyContainerAboutLogin(
          caller.username(), caller.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
    if (context.isProtected()) {
      return redirectToLogin(request, response);
    }
    return context.doNothing();
  }

  private AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    String username = result.getCallerPrincipal().getName();
    UserAccount user = accounts.findByUsername(username).orElse(null);
    if (user == null) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    result.getCallerGroups().forEach(group -> roles.add(Role.valueOf(group)));
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(
        Caller.SESSION_ATTRIBUTE,
        new Caller(user.getId(), user.getUsername(), user.getFullName(), Set.copyOf(roles)));
    session.setAttribute(LANGUAGE, user.getLocale());
    return context.notifyContainerAboutLogin(username, result.getCallerGroups());
  }

  private static AuthenticationStatus redirectToLogin(
      HttpServletRequest request, HttpServletResponse response) {
    boolean expired =
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    if ("GET".equals(request.getMethod())) {
      String target = request.getRequestURI().substring(request.getContextPath().length());
      if (request.getQueryString() != null) {
        target += "?" + request.getQueryString();
      }
      request.getSession(true).setAttribute(SAVED_URL, target);
    }
    String login = request.getContextPath() + LOGIN_PAGE + (expired ? "?expired=true" : "");
    try {
      if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
        // An ajax click after the session ended: tell Faces' JavaScript to go to the login page.
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login
                    + "\"/></partial-response>");
      } else {
        response.sendRedirect(login);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
