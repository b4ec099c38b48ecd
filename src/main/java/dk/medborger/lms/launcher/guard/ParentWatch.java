package dk.medborger.lms.launcher.guard;

/**
 * A Java agent for the Payara Micro process: when the launcher that started it is gone, also after
 * a {@code kill -9} that left it no time to stop its child, Payara shuts down instead of running on
 * as an orphan that holds the port.
 *
 * <pre>
 * java -javaagent:parent-watch.jar -jar launch-micro.jar …
 * </pre>
 */
public final class ParentWatch {

  private ParentWatch() {}

  public static void premain(String arguments) {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            launcher ->
                launcher
                    .onExit()
                    .thenRun(
                        () -> {
                          System.out.println(
                              "[medborger] the launcher has gone; stopping Payara Micro");
                          System.exit(0);
                        }));
  }
}
