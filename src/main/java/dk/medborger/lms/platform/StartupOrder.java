package dk.medborger.lms.platform;

/**
 * The order of the start-up steps, as {@code @Priority} of observers of the application's
 * {@code @Initialized(ApplicationScoped.class)} event: lower runs first.
 */
public final class StartupOrder {

  public static final int MIGRATE_SCHEMA = 100;
  public static final int SEED_COURSES = 200;
  public static final int DEMO_DATA = 300;
  public static final int MAIL = 400;

  private StartupOrder() {}
}
