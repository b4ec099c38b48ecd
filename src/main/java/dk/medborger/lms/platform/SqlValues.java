package dk.medborger.lms.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Values of native SQL results as the application uses them: a {@code TIMESTAMP} column comes back
 * as a {@link Timestamp} or a {@link LocalDateTime} depending on the driver's settings.
 *
 * <pre>
 * Instant sentAt = SqlValues.instant(row[2]);
 * </pre>
 */
public final class SqlValues {

  private SqlValues() {}

  /** The instant of a timestamp column's value; null for SQL NULL. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime t) {
      return t.atZone(ZoneId.systemDefault()).toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass());
  }
}
