-- Quizzes (ADR 12): a question bank per course, questions in immutable versions, quizzes as
-- activities, and attempts whose every answer is a row of its own, saved as the learner gives it.

-- Who teaches which course: instructors see and grade only these.
CREATE TABLE course_instructor (
  course_id BIGINT NOT NULL,
  user_id   BIGINT NOT NULL,
  PRIMARY KEY (course_id, user_id),
  CONSTRAINT fk_course_instructor_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_course_instructor_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question_category (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  course_id BIGINT       NOT NULL,
  name      VARCHAR(200) NOT NULL,
  CONSTRAINT fk_question_category_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT uq_question_category_name UNIQUE (course_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A question in the bank; what it asks is in its versions. Editing adds a version, so an attempt
-- always shows what the learner saw.
CREATE TABLE question (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  category_id        BIGINT       NOT NULL,
  current_version_id BIGINT       NULL,
  created_at         TIMESTAMP(3) NOT NULL,
  version            BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_question_category FOREIGN KEY (category_id) REFERENCES question_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question_version (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  question_id BIGINT       NOT NULL,
  number      INT          NOT NULL,
  type        VARCHAR(20)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  points      DECIMAL(9,3) NOT NULL,
  content     JSON         NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  created_by  BIGINT       NULL,
  CONSTRAINT fk_question_version_question FOREIGN KEY (question_id) REFERENCES question (id),
  CONSTRAINT fk_question_version_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
  CONSTRAINT uq_question_version_number UNIQUE (question_id, number),
  CONSTRAINT ck_question_version_number CHECK (number >= 1),
  CONSTRAINT ck_question_version_points CHECK (points > 0),
  CONSTRAINT ck_question_version_type CHECK (type IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE',
    'TRUE_FALSE', 'SHORT_ANSWER', 'NUMERIC', 'MATCHING', 'ORDERING', 'ESSAY'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE question ADD CONSTRAINT fk_question_current_version
  FOREIGN KEY (current_version_id) REFERENCES question_version (id);

-- A quiz is an activity; its settings. Review settings say what a learner sees of a finished
-- attempt, and when.
CREATE TABLE quiz (
  activity_id        BIGINT       NOT NULL PRIMARY KEY,
  intro              TEXT         NULL,
  pass_percent       DECIMAL(5,2) NOT NULL DEFAULT 60,
  attempts_allowed   INT          NULL,
  grading_method     VARCHAR(10)  NOT NULL DEFAULT 'HIGHEST',
  time_limit_seconds INT          NULL,
  opens_at           TIMESTAMP(3) NULL,
  closes_at          TIMESTAMP(3) NULL,
  shuffle_choices    BOOLEAN      NOT NULL DEFAULT TRUE,
  one_per_page       BOOLEAN      NOT NULL DEFAULT FALSE,
  review_answers     VARCHAR(20)  NOT NULL DEFAULT 'AFTER_SUBMIT',
  review_correct     VARCHAR(20)  NOT NULL DEFAULT 'AFTER_SUBMIT',
  review_feedback    VARCHAR(20)  NOT NULL DEFAULT 'AFTER_SUBMIT',
  CONSTRAINT fk_quiz_activity FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE CASCADE,
  CONSTRAINT ck_quiz_pass_percent CHECK (pass_percent BETWEEN 0 AND 100),
  CONSTRAINT ck_quiz_attempts CHECK (attempts_allowed IS NULL OR attempts_allowed >= 1),
  CONSTRAINT ck_quiz_grading_method CHECK (grading_method IN ('HIGHEST', 'LAST', 'AVERAGE', 'FIRST')),
  CONSTRAINT ck_quiz_time_limit CHECK (time_limit_seconds IS NULL OR time_limit_seconds >= 60),
  CONSTRAINT ck_quiz_dates CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at),
  CONSTRAINT ck_quiz_review CHECK (
    review_answers IN ('NEVER', 'AFTER_SUBMIT', 'AFTER_CLOSE')
    AND review_correct IN ('NEVER', 'AFTER_SUBMIT', 'AFTER_CLOSE')
    AND review_feedback IN ('NEVER', 'AFTER_SUBMIT', 'AFTER_CLOSE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The quiz's questions in order: one question, or a number drawn at random from a category.
CREATE TABLE quiz_slot (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  quiz_id     BIGINT NOT NULL,
  position    INT    NOT NULL,
  question_id BIGINT NULL,
  category_id BIGINT NULL,
  draw_count  INT    NULL,
  CONSTRAINT fk_quiz_slot_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (activity_id) ON DELETE CASCADE,
  CONSTRAINT fk_quiz_slot_question FOREIGN KEY (question_id) REFERENCES question (id),
  CONSTRAINT fk_quiz_slot_category FOREIGN KEY (category_id) REFERENCES question_category (id),
  CONSTRAINT uq_quiz_slot_position UNIQUE (quiz_id, position),
  CONSTRAINT ck_quiz_slot_source CHECK ((question_id IS NULL) <> (category_id IS NULL)),
  CONSTRAINT ck_quiz_slot_draw CHECK ((category_id IS NULL) = (draw_count IS NULL)
    AND (draw_count IS NULL OR draw_count >= 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An attempt. At most one open attempt per learner and quiz: open_flag is 1 while the attempt is
-- in progress and NULL after, and NULLs do not collide in a unique key. The deadline is the
-- server's; the save token proves a save comes from the attempt's own page.
CREATE TABLE quiz_attempt (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  quiz_id      BIGINT       NOT NULL,
  user_id      BIGINT       NOT NULL,
  number       INT          NOT NULL,
  state        VARCHAR(20)  NOT NULL,
  started_at   TIMESTAMP(3) NOT NULL,
  deadline_at  TIMESTAMP(3) NULL,
  submitted_at TIMESTAMP(3) NULL,
  finished_by  VARCHAR(10)  NULL,
  score        DECIMAL(9,3) NULL,
  max_score    DECIMAL(9,3) NOT NULL,
  save_token   CHAR(32)     NOT NULL,
  open_flag    TINYINT AS (CASE WHEN state = 'IN_PROGRESS' THEN 1 ELSE NULL END) PERSISTENT,
  version      BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (activity_id),
  CONSTRAINT fk_quiz_attempt_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT uq_quiz_attempt_open UNIQUE (quiz_id, user_id, open_flag),
  CONSTRAINT uq_quiz_attempt_number UNIQUE (quiz_id, user_id, number),
  CONSTRAINT ck_quiz_attempt_state CHECK (state IN ('IN_PROGRESS', 'AWAITING_GRADING', 'FINISHED')),
  CONSTRAINT ck_quiz_attempt_submitted CHECK ((state = 'IN_PROGRESS') = (submitted_at IS NULL)
    AND (submitted_at IS NULL) = (finished_by IS NULL)),
  CONSTRAINT ck_quiz_attempt_finished_by CHECK (finished_by IS NULL OR finished_by IN ('LEARNER', 'TIMEOUT')),
  CONSTRAINT ck_quiz_attempt_score CHECK (score IS NULL OR (score >= 0 AND score <= max_score)),
  CONSTRAINT ck_quiz_attempt_graded CHECK (state <> 'FINISHED' OR score IS NOT NULL),
  CONSTRAINT ck_quiz_attempt_number CHECK (number >= 1),
  INDEX ix_quiz_attempt_deadline (state, deadline_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per question of an attempt, made when the attempt starts: a save is an update of one
-- row, never an insert, so parallel saves cannot duplicate an answer.
CREATE TABLE attempt_answer (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  attempt_id          BIGINT       NOT NULL,
  slot                INT          NOT NULL,
  question_version_id BIGINT       NOT NULL,
  choice_order        VARCHAR(1000) NULL,
  response            JSON         NULL,
  saved_at            TIMESTAMP(3) NULL,
  saves               INT          NOT NULL DEFAULT 0,
  flagged             BOOLEAN      NOT NULL DEFAULT FALSE,
  mark                VARCHAR(20)  NULL,
  fraction            DECIMAL(7,6) NULL,
  score               DECIMAL(9,3) NULL,
  max_score           DECIMAL(9,3) NOT NULL,
  graded_by           BIGINT       NULL,
  graded_at           TIMESTAMP(3) NULL,
  grader_comment      TEXT         NULL,
  version             BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_attempt_answer_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id),
  CONSTRAINT fk_attempt_answer_question FOREIGN KEY (question_version_id) REFERENCES question_version (id),
  CONSTRAINT fk_attempt_answer_graded_by FOREIGN KEY (graded_by) REFERENCES app_user (id),
  CONSTRAINT uq_attempt_answer_slot UNIQUE (attempt_id, slot),
  CONSTRAINT ck_attempt_answer_slot CHECK (slot >= 1),
  CONSTRAINT ck_attempt_answer_mark CHECK (mark IS NULL OR mark IN
    ('CORRECT', 'PARTIAL', 'WRONG', 'BLANK', 'NEEDS_GRADING')),
  CONSTRAINT ck_attempt_answer_score CHECK (score IS NULL OR (score >= 0 AND score <= max_score)),
  CONSTRAINT ck_attempt_answer_fraction CHECK (fraction IS NULL OR fraction BETWEEN 0 AND 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
