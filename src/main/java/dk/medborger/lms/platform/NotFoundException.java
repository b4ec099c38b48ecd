package dk.medborger.lms.platform;

/**
 * Thrown when something does not exist or the caller may not see it; both answer 404, so that
 * nobody can probe for other people's data.
 */
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String what) {
    super(what);
  }
}
