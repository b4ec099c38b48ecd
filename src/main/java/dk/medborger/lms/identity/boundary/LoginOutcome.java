package dk.medborger.lms.identity.boundary;

/**
 * What came of a login: signed in, or why not. {@link LoginMechanism} leaves it in the request
 * ({@link #ATTRIBUTE}) for the login page to tell the user.
 */
public record LoginOutcome(Kind kind, long retryAfterSeconds) {

  public static final String ATTRIBUTE = "medborger.loginOutcome";

  public enum Kind {
    SIGNED_IN,
    /** Wrong user name or password: the same answer for both. */
    WRONG,
    /** Too many failed logins for this user name or address: try again after a while. */
    LOCKED,
    /** All password checks are in use right now. */
    BUSY,
    /** The database does not answer. */
    UNAVAILABLE,
    /** As many sessions are open as the server takes. */
    FULL
  }

  static LoginOutcome of(Kind kind) {
    return new LoginOutcome(kind, 0);
  }

  /** The status the login page answers with. */
  public int status() {
    return switch (kind) {
      case SIGNED_IN, WRONG -> 200;
      case LOCKED -> 429;
      case BUSY, UNAVAILABLE, FULL -> 503;
    };
  }
}
