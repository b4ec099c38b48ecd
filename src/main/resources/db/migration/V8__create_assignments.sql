-- Assignments (ADR 25): an activity the learner answers with text and/or files, that an instructor
-- grades against a rubric and releases or returns for revision. Submissions, their handed-in
-- versions, files and every grade given are records of what happened: nothing cascades from the
-- assignment, and grades are never overwritten without a history row.

CREATE TABLE assignment (
  activity_id          BIGINT        NOT NULL PRIMARY KEY,
  instructions         TEXT          NOT NULL,
  due_at               TIMESTAMP(3)  NULL,
  cutoff_at            TIMESTAMP(3)  NULL,
  late_policy          VARCHAR(30)   NOT NULL DEFAULT 'ACCEPT_MARK_LATE',
  late_penalty_percent INT           NULL,
  accepts_text         BOOLEAN       NOT NULL DEFAULT TRUE,
  accepts_files        BOOLEAN       NOT NULL DEFAULT TRUE,
  max_files            INT           NOT NULL DEFAULT 3,
  max_file_bytes       BIGINT        NOT NULL DEFAULT 20971520,
  allowed_types        VARCHAR(1000) NOT NULL,
  grading              VARCHAR(20)   NOT NULL DEFAULT 'PASS_FAIL_RUBRIC',
  max_points           DECIMAL(9,3)  NULL,
  pass_points          DECIMAL(9,3)  NULL,
  CONSTRAINT fk_assignment_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
  CONSTRAINT ck_assignment_late_policy CHECK (
    (late_policy IN ('ACCEPT_MARK_LATE', 'REFUSE_AFTER_CUTOFF') AND late_penalty_percent IS NULL)
    OR (late_policy = 'ACCEPT_WITH_PENALTY' AND late_penalty_percent BETWEEN 1 AND 100)),
  CONSTRAINT ck_assignment_cutoff CHECK (
    cutoff_at IS NULL OR (due_at IS NOT NULL AND cutoff_at >= due_at)),
  CONSTRAINT ck_assignment_refuse_needs_cutoff CHECK (
    late_policy <> 'REFUSE_AFTER_CUTOFF' OR cutoff_at IS NOT NULL),
  CONSTRAINT ck_assignment_types CHECK (accepts_text OR accepts_files),
  CONSTRAINT ck_assignment_files CHECK (max_files BETWEEN 1 AND 20
    AND max_file_bytes BETWEEN 1 AND 104857600),
  CONSTRAINT ck_assignment_grading CHECK (grading IN ('PASS_FAIL_RUBRIC', 'POINTS_RUBRIC', 'DIRECT')),
  CONSTRAINT ck_assignment_points CHECK (
    (grading = 'PASS_FAIL_RUBRIC' AND max_points IS NULL AND pass_points IS NULL)
    OR (grading <> 'PASS_FAIL_RUBRIC' AND max_points > 0 AND pass_points BETWEEN 0 AND max_points))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rubric's criteria; a points rubric's criteria have levels with points, a pass/fail competence
-- rubric's criteria are each judged "Bestået" or "Ikke bestået".
CREATE TABLE rubric_criterion (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  assignment_id BIGINT        NOT NULL,
  position      INT           NOT NULL,
  title         VARCHAR(300)  NOT NULL,
  description   VARCHAR(2000) NULL,
  -- To the activity row, which EclipseLink writes first (an identity insert), not the assignment's
  -- own row: when an assignment and its rubric are made in one transaction, the criteria's rows
  -- can reach the database before the assignment's (as the quiz's slots do, QuizPackages).
  CONSTRAINT fk_rubric_criterion_assignment FOREIGN KEY (assignment_id) REFERENCES activity (id),
  CONSTRAINT uq_rubric_criterion_position UNIQUE (assignment_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rubric_level (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  criterion_id BIGINT       NOT NULL,
  position     INT          NOT NULL,
  title        VARCHAR(300) NOT NULL,
  points       DECIMAL(9,3) NOT NULL,
  CONSTRAINT fk_rubric_level_criterion FOREIGN KEY (criterion_id) REFERENCES rubric_criterion (id),
  CONSTRAINT uq_rubric_level_position UNIQUE (criterion_id, position),
  CONSTRAINT ck_rubric_level_points CHECK (points >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One learner's later due date (and cut-off), given by an instructor.
CREATE TABLE assignment_extension (
  assignment_id BIGINT       NOT NULL,
  user_id       BIGINT       NOT NULL,
  due_at        TIMESTAMP(3) NOT NULL,
  granted_by    BIGINT       NOT NULL,
  granted_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (assignment_id, user_id),
  CONSTRAINT fk_assignment_extension_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (activity_id),
  CONSTRAINT fk_assignment_extension_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_assignment_extension_granted_by FOREIGN KEY (granted_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One submission per learner and assignment: the draft being written, its state, and the grade
-- that holds. Two graders saving at once: the version column lets one win and tells the other.
CREATE TABLE submission (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  assignment_id  BIGINT       NOT NULL,
  user_id        BIGINT       NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  draft_text     MEDIUMTEXT   NULL,
  draft_saved_at TIMESTAMP(3) NULL,
  submitted_at   TIMESTAMP(3) NULL,
  versions       INT          NOT NULL DEFAULT 0,
  late           BOOLEAN      NOT NULL DEFAULT FALSE,
  passed         BOOLEAN      NULL,
  points         DECIMAL(9,3) NULL,
  max_points     DECIMAL(9,3) NULL,
  criteria       VARCHAR(4000) NULL,
  feedback       TEXT         NULL,
  graded_by      BIGINT       NULL,
  graded_at      TIMESTAMP(3) NULL,
  released_at    TIMESTAMP(3) NULL,
  version        BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_submission_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (activity_id),
  CONSTRAINT fk_submission_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_submission_graded_by FOREIGN KEY (graded_by) REFERENCES app_user (id),
  CONSTRAINT uq_submission_learner UNIQUE (assignment_id, user_id),
  CONSTRAINT ck_submission_status CHECK (status IN
    ('DRAFT', 'SUBMITTED', 'IN_GRADING', 'GRADED', 'REVISION_REQUESTED')),
  CONSTRAINT ck_submission_submitted CHECK (status = 'DRAFT' OR (submitted_at IS NOT NULL AND versions >= 1)),
  CONSTRAINT ck_submission_released CHECK (status <> 'GRADED' OR released_at IS NOT NULL),
  CONSTRAINT ck_submission_graded CHECK (status <> 'GRADED' OR (passed IS NOT NULL AND graded_by IS NOT NULL)),
  CONSTRAINT ck_submission_points CHECK ((points IS NULL) = (max_points IS NULL)
    AND (points IS NULL OR (points >= 0 AND points <= max_points))),
  INDEX ix_submission_queue (status, submitted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every version handed in, kept as it was: the text, whether it was late, the learner's statement
-- that it is their own work, and what the citizen data guard found and the learner's reason.
CREATE TABLE submission_version (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  submission_id   BIGINT       NOT NULL,
  number          INT          NOT NULL,
  text            MEDIUMTEXT   NULL,
  submitted_at    TIMESTAMP(3) NOT NULL,
  late            BOOLEAN      NOT NULL,
  own_work        BOOLEAN      NOT NULL,
  guard_findings  INT          NOT NULL DEFAULT 0,
  guard_reason    VARCHAR(2000) NULL,
  CONSTRAINT fk_submission_version_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT uq_submission_version_number UNIQUE (submission_id, number),
  CONSTRAINT ck_submission_version_own_work CHECK (own_work = TRUE),
  CONSTRAINT ck_submission_version_reason CHECK (guard_findings = 0 OR guard_reason IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A file of a submission: in the draft while version_id is NULL, part of a handed-in version after.
-- The bytes are on disk under storage_path (relative to the files folder), named by the row, never
-- by what the learner called the file.
CREATE TABLE submission_file (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  submission_id BIGINT        NOT NULL,
  version_id    BIGINT        NULL,
  safe_name     VARCHAR(255)  NOT NULL,
  media_type    VARCHAR(200)  NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  sha256        CHAR(64)      NOT NULL,
  storage_path  VARCHAR(300)  NOT NULL,
  uploaded_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_submission_file_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_submission_file_version FOREIGN KEY (version_id) REFERENCES submission_version (id),
  CONSTRAINT uq_submission_file_storage UNIQUE (storage_path),
  CONSTRAINT ck_submission_file_size CHECK (size_bytes > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every grade saved, released or revision asked for, with who and when: the history the
-- submission's own columns are the latest row of.
CREATE TABLE grade_entry (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  submission_id BIGINT       NOT NULL,
  version_number INT         NOT NULL,
  action        VARCHAR(20)  NOT NULL,
  passed        BOOLEAN      NULL,
  points        DECIMAL(9,3) NULL,
  max_points    DECIMAL(9,3) NULL,
  criteria      VARCHAR(4000) NULL,
  feedback      TEXT         NULL,
  graded_by     BIGINT       NOT NULL,
  graded_at     TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_grade_entry_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
  CONSTRAINT fk_grade_entry_graded_by FOREIGN KEY (graded_by) REFERENCES app_user (id),
  CONSTRAINT ck_grade_entry_action CHECK (action IN ('SAVED', 'RELEASED', 'REVISION_REQUESTED')),
  INDEX ix_grade_entry_submission (submission_id, graded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
