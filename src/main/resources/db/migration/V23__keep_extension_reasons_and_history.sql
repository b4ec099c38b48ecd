-- One learner's extension (ADR 23): an instructor gives, changes or removes it on the extension
-- page, with an optional reason. Two instructors changing the same learner's extension at once:
-- the version column lets one win and tells the other. Every grant, change and removal is kept
-- with who and when, as grades are (grade_entry): the extension row is only the one that holds.
ALTER TABLE assignment_extension
  ADD COLUMN reason  VARCHAR(500) NULL AFTER due_at,
  ADD COLUMN version BIGINT       NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_assignment_extension_reason CHECK (reason IS NULL OR CHAR_LENGTH(TRIM(reason)) > 0);

CREATE TABLE assignment_extension_entry (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  assignment_id BIGINT       NOT NULL,
  user_id       BIGINT       NOT NULL,
  action        VARCHAR(10)  NOT NULL,
  due_at        TIMESTAMP(3) NULL,
  reason        VARCHAR(500) NULL,
  done_by       BIGINT       NOT NULL,
  done_at       TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_extension_entry_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (activity_id),
  CONSTRAINT fk_extension_entry_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_extension_entry_done_by FOREIGN KEY (done_by) REFERENCES app_user (id),
  CONSTRAINT ck_extension_entry_action CHECK (action IN ('GRANTED', 'CHANGED', 'REMOVED')),
  CONSTRAINT ck_extension_entry_due CHECK ((action = 'REMOVED') = (due_at IS NULL)),
  INDEX ix_extension_entry_learner (assignment_id, user_id, done_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
