package dk.medborger.lms.launcher.guard;

/**
 * A Java agent for the Payara Micro process: when the launcher that started it is gone, also after
 * a {@code kill -9} that left it no time to stop its child, Payara shuts down instead of running on
 * as an orphan that holds the port.
 *
 * <pre>
 * java -javaagent:parent-watch.jar -jar launch-micro.jar …
 * </pre>
 *
 * <p>It looks every half second. {@code ProcessHandle.onExit()} is no help here: for a process that
 * is not our child it polls with a pause that grows by 30 ms a round up to 5 s, so after a few
 * minutes of uptime an orphan went on answering for seconds.
 */
public final class ParentWatch {

  private static final long INTERVAL_MILLIS = 500;

  private ParentWatch() {}

  public static void premain(String arguments) {
    ProcessHandle.current().parent().ifPresent(ParentWatch::watch);
  }

  private static void watch(ProcessHandle launcher) {
    Thread watch =
        new Thread(
            () -> {
              try {
                while (launcher.isAlive()) {
                  Thread.sleep(INTERVAL_MILLIS);
                }
              } catch (InterruptedException e) {
                return;
              }
              System.out.println("[medborger] the launcher has gone; stopping Payara Micro");
              System.exit(0);
            },
            "medborger-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
