-- Feedback files (ADR 16): files a grader attaches to a submission (an annotated PDF), stored as
-- the learner's files are (ADR 26): on disk under a name the server chose, with the grader's name
-- for it made safe, the type read from the bytes, the size and the SHA-256. Each answers one
-- handed-in version (version_number); the learner sees a round's files once that round is released
-- or returned for revision. A grader removes one only before that, and both steps are in the grade
-- history (grade_entry, with the file's name), so nothing a learner was shown disappears unseen.
CREATE TABLE feedback_file (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  submission_id  BIGINT        NOT NULL,
  version_number INT           NOT NULL,
  safe_name      VARCHAR(255)  NOT NULL,
  media_type     VARCHAR(200)  NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  sha256         CHAR(64)      NOT NULL,
  storage_path   VARCHAR(300)  NOT NULL,
  uploaded_by    BIGINT        NOT NULL,
  uploaded_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_feedback_file_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_feedback_file_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES app_user (id),
  CONSTRAINT uq_feedback_file_storage UNIQUE (storage_path),
  CONSTRAINT ck_feedback_file_size CHECK (size_bytes > 0),
  CONSTRAINT ck_feedback_file_version CHECK (version_number >= 1),
  INDEX ix_feedback_file_submission (submission_id, version_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A feedback file attached or removed is a step of the grade's history, named by the file.
ALTER TABLE grade_entry DROP CONSTRAINT ck_grade_entry_action;

ALTER TABLE grade_entry
  ADD COLUMN file_name VARCHAR(255) NULL AFTER feedback,
  ADD CONSTRAINT ck_grade_entry_action CHECK (action IN
    ('SAVED', 'RELEASED', 'REVISION_REQUESTED', 'FILE_ATTACHED', 'FILE_REMOVED')),
  ADD CONSTRAINT ck_grade_entry_file CHECK (
    (action IN ('FILE_ATTACHED', 'FILE_REMOVED')) = (file_name IS NOT NULL));
