-- Enrolment of a learner in a course, and the learner's state per activity. "Not started" is the
-- absence of an activity_progress row. The enrolment keeps the course-level figures (status,
-- percent, completion date) so that reports aggregate rows without loading course structures.
CREATE TABLE enrolment (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id          BIGINT       NOT NULL,
  course_id        BIGINT       NOT NULL,
  enrolled_at      TIMESTAMP(3) NOT NULL,
  due_date         DATE         NULL,
  status           VARCHAR(20)  NOT NULL DEFAULT 'NOT_STARTED',
  progress_percent TINYINT      NOT NULL DEFAULT 0,
  completed_at     TIMESTAMP(3) NULL,
  last_activity_id BIGINT       NULL,
  last_accessed_at TIMESTAMP(3) NULL,
  version          BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_enrolment_user_course UNIQUE (user_id, course_id),
  CONSTRAINT fk_enrolment_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_enrolment_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
  CONSTRAINT fk_enrolment_last_activity FOREIGN KEY (last_activity_id) REFERENCES activity (id) ON DELETE SET NULL,
  CONSTRAINT ck_enrolment_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
  CONSTRAINT ck_enrolment_percent CHECK (progress_percent BETWEEN 0 AND 100),
  CONSTRAINT ck_enrolment_completed CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
  INDEX ix_enrolment_course_status (course_id, status),
  INDEX ix_enrolment_due (due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_progress (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  enrolment_id   BIGINT       NOT NULL,
  activity_id    BIGINT       NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  started_at     TIMESTAMP(3) NOT NULL,
  last_opened_at TIMESTAMP(3) NOT NULL,
  completed_at   TIMESTAMP(3) NULL,
  version        BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_activity_progress UNIQUE (enrolment_id, activity_id),
  CONSTRAINT fk_activity_progress_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id) ON DELETE CASCADE,
  CONSTRAINT fk_activity_progress_activity FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE CASCADE,
  CONSTRAINT ck_activity_progress_status CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
  CONSTRAINT ck_activity_progress_completed CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
  INDEX ix_activity_progress_completed (completed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
