package dk.medborger.lms.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The launcher's settings: each one read from a system property ({@code -Dmedborger.port=8081}) or,
 * failing that, from the environment ({@code MEDBORGER_PORT=8081}), with the defaults the README
 * lists.
 */
record Settings(
    int port,
    String httpAddress,
    Optional<Integer> httpThreads,
    Path dataDir,
    Optional<String> databaseUrl,
    String databaseUser,
    Optional<String> databasePassword,
    int embeddedDatabasePort,
    boolean demo,
    String javaOptions,
    boolean startupArchive) {

  static Settings fromEnvironment() {
    Optional<String> url = read("medborger.db.url");
    return new Settings(
        Integer.parseInt(read("medborger.port").orElse("8080")),
        read("medborger.http.address").orElse("127.0.0.1"),
        read("medborger.http.threads").map(Settings::threads),
        Path.of(read("medborger.data.dir").orElse("data")).toAbsolutePath().normalize(),
        url,
        read("medborger.db.user").orElse("medborger"),
        read("medborger.db.password"),
        Integer.parseInt(read("medborger.embedded-db.port").orElse("0")),
        Boolean.parseBoolean(read("medborger.demo").orElse(url.isEmpty() ? "true" : "false")),
        read("medborger.java.opts").orElse("-Xms256m -Xmx1g -XX:+UseParallelGC"),
        Boolean.parseBoolean(read("medborger.startup-archive").orElse("true")));
  }

  private static int threads(String value) {
    int threads = Integer.parseInt(value);
    if (threads < 2) {
      throw new IllegalArgumentException("MEDBORGER_HTTP_THREADS must be 2 or more: " + value);
    }
    return threads;
  }

  boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  /** {@code medborger.db.url} is also {@code MEDBORGER_DB_URL}, as in MicroProfile Config. */
  static Optional<String> read(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentName(name));
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  static String environmentName(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
