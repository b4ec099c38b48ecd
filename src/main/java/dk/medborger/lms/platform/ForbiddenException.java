package dk.medborger.lms.platform;

/**
 * Thrown when the caller may not do something that exists and that they know of (an instructor at a
 * course they do not teach): answered with 403. Where the thing should stay unknown, use {@link
 * NotFoundException}.
 */
public class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String what) {
    super(what);
  }
}
