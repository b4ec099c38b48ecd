-- The activity model grows beyond lessons (ADR 11): each activity has its own completion criterion,
-- progress rows keep the states and scores of quizzes and assignments, and every outcome recorded
-- for a learner is kept in a history that is never overwritten.

-- Completion per activity, not per course. Which criteria a kind may have is part of the row.
ALTER TABLE activity
  ADD COLUMN completion_criterion VARCHAR(20) NOT NULL DEFAULT 'MANUAL' AFTER required;
UPDATE activity a
  JOIN course_module m ON m.id = a.module_id
  JOIN course c ON c.id = m.course_id
  SET a.completion_criterion = c.completion_mode;
ALTER TABLE activity
  ADD CONSTRAINT ck_activity_completion_criterion CHECK (
    (kind = 'LESSON' AND completion_criterion IN ('MANUAL', 'ON_REACHING_END'))
    OR (kind = 'QUIZ' AND completion_criterion IN ('ON_PASS', 'ON_SUBMIT'))
    OR (kind = 'ASSIGNMENT' AND completion_criterion IN ('ON_SUBMIT', 'ON_GRADED_PASS')));
ALTER TABLE course DROP CONSTRAINT ck_course_completion_mode;
ALTER TABLE course DROP COLUMN completion_mode;

-- States of a quiz or an assignment, and the latest score. A score comes with its maximum; a failed
-- outcome is one that was judged and not passed; only a completed activity has a completion date.
ALTER TABLE activity_progress DROP CONSTRAINT ck_activity_progress_status;
ALTER TABLE activity_progress
  ADD COLUMN score      DECIMAL(9,3) NULL AFTER status,
  ADD COLUMN max_score  DECIMAL(9,3) NULL AFTER score,
  ADD COLUMN passed     BOOLEAN      NULL AFTER max_score,
  ADD COLUMN outcome_at TIMESTAMP(3) NULL AFTER completed_at,
  ADD CONSTRAINT ck_activity_progress_status CHECK (status IN
    ('IN_PROGRESS', 'SUBMITTED', 'AWAITING_GRADING', 'FAILED', 'COMPLETED')),
  ADD CONSTRAINT ck_activity_progress_score CHECK (
    (score IS NULL) = (max_score IS NULL) AND (score IS NULL OR (score >= 0 AND score <= max_score))),
  ADD CONSTRAINT ck_activity_progress_failed CHECK (status <> 'FAILED' OR passed = FALSE);

-- Every outcome recorded, oldest first: a regrade or a reopened activity adds a row, so what a
-- learner was once given is never lost. No cascade: history outlives what it is about.
CREATE TABLE activity_outcome (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  progress_id   BIGINT       NOT NULL,
  outcome       VARCHAR(20)  NOT NULL,
  status_after  VARCHAR(20)  NOT NULL,
  score         DECIMAL(9,3) NULL,
  max_score     DECIMAL(9,3) NULL,
  passed        BOOLEAN      NULL,
  source        VARCHAR(30)  NOT NULL,
  source_id     BIGINT       NULL,
  recorded_by   BIGINT       NULL,
  recorded_at   TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_activity_outcome_progress FOREIGN KEY (progress_id) REFERENCES activity_progress (id),
  CONSTRAINT fk_activity_outcome_recorded_by FOREIGN KEY (recorded_by) REFERENCES app_user (id),
  CONSTRAINT ck_activity_outcome_outcome CHECK (outcome IN
    ('STARTED', 'COMPLETED', 'SUBMITTED', 'AWAITING_GRADING', 'PASSED', 'FAILED', 'REOPENED')),
  CONSTRAINT ck_activity_outcome_status CHECK (status_after IN
    ('IN_PROGRESS', 'SUBMITTED', 'AWAITING_GRADING', 'FAILED', 'COMPLETED')),
  CONSTRAINT ck_activity_outcome_score CHECK (
    (score IS NULL) = (max_score IS NULL) AND (score IS NULL OR (score >= 0 AND score <= max_score))),
  INDEX ix_activity_outcome_progress (progress_id, recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The progress rows of an activity the history refers to must then not vanish with a cascade from
-- the enrolment or the activity either.
ALTER TABLE activity_progress DROP FOREIGN KEY fk_activity_progress_enrolment;
ALTER TABLE activity_progress DROP FOREIGN KEY fk_activity_progress_activity;
ALTER TABLE activity_progress
  ADD CONSTRAINT fk_activity_progress_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
  ADD CONSTRAINT fk_activity_progress_activity FOREIGN KEY (activity_id) REFERENCES activity (id);
