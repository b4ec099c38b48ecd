-- Every reminder HR sends to a learner who is behind the due date of a course: who sent it, when,
-- and the mail it went as. A learner is reminded at most once a week per course; the check takes
-- the enrolment's lock (ADR 10), so two HR users clicking at once send one reminder. Kept when the
-- mail is long gone: it is the record of what HR did.
CREATE TABLE overdue_reminder (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  enrolment_id  BIGINT       NOT NULL,
  sent_by       BIGINT       NOT NULL,
  sent_at       TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_overdue_reminder_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
  CONSTRAINT fk_overdue_reminder_sent_by FOREIGN KEY (sent_by) REFERENCES app_user (id),
  INDEX ix_overdue_reminder_enrolment (enrolment_id, sent_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
