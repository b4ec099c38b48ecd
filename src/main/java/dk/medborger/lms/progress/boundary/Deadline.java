package dk.medborger.lms.progress.boundary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A course's due date as the learner's pages show it: whether it has passed with the course not
 * completed, and by how many days.
 *
 * <pre>
 * Deadline d = Deadline.of(dueDate, completed, LocalDate.now(clock));
 * d.overdue(); d.daysLate();
 * </pre>
 */
public record Deadline(LocalDate dueDate, boolean overdue, long daysLate, long daysLeft) {

  public static Deadline of(LocalDate dueDate, boolean completed, LocalDate today) {
    if (dueDate == null) {
      return new Deadline(null, false, 0, 0);
    }
    boolean overdue = !completed && dueDate.isBefore(today);
    return new Deadline(
        dueDate,
        overdue,
        overdue ? ChronoUnit.DAYS.between(dueDate, today) : 0,
        overdue ? 0 : Math.max(0, ChronoUnit.DAYS.between(today, dueDate)));
  }

  public boolean hasDueDate() {
    return dueDate != null;
  }
}
