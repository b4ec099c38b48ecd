-- Course -> ordered modules -> ordered activities. An activity is a lesson, and later a quiz or an
-- assignment: each kind keeps its own details in a table of its own keyed by activity id.
CREATE TABLE course (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  slug            VARCHAR(80)  NOT NULL,
  title           VARCHAR(200) NOT NULL,
  summary         TEXT         NULL,
  sequential      BOOLEAN      NOT NULL DEFAULT FALSE,
  completion_mode VARCHAR(20)  NOT NULL DEFAULT 'MANUAL',
  published       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version         BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_course_slug UNIQUE (slug),
  CONSTRAINT ck_course_completion_mode CHECK (completion_mode IN ('MANUAL', 'ON_REACHING_END'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_module (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  course_id BIGINT       NOT NULL,
  position  INT          NOT NULL,
  title     VARCHAR(200) NOT NULL,
  summary   TEXT         NULL,
  version   BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_course_module_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
  CONSTRAINT ck_course_module_position CHECK (position >= 0),
  INDEX ix_course_module_order (course_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  module_id         BIGINT       NOT NULL,
  position          INT          NOT NULL,
  kind              VARCHAR(20)  NOT NULL,
  title             VARCHAR(200) NOT NULL,
  required          BOOLEAN      NOT NULL DEFAULT TRUE,
  estimated_minutes INT          NULL,
  version           BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT fk_activity_module FOREIGN KEY (module_id) REFERENCES course_module (id) ON DELETE CASCADE,
  CONSTRAINT ck_activity_kind CHECK (kind IN ('LESSON', 'QUIZ', 'ASSIGNMENT')),
  CONSTRAINT ck_activity_position CHECK (position >= 0),
  CONSTRAINT ck_activity_minutes CHECK (estimated_minutes IS NULL OR estimated_minutes BETWEEN 1 AND 600),
  INDEX ix_activity_order (module_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lesson (
  activity_id  BIGINT     NOT NULL PRIMARY KEY,
  content_html MEDIUMTEXT NOT NULL,
  CONSTRAINT fk_lesson_activity FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
