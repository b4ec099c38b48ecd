-- The comment bank (ADR 30): each instructor's reusable feedback comments, inserted into a
-- grade's feedback with one click or key. A comment is the instructor's own text, listed in the
-- order they added it; the same text twice would only make the list longer.
CREATE TABLE feedback_comment (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  instructor_id BIGINT        NOT NULL,
  text          VARCHAR(1000) NOT NULL,
  text_hash     CHAR(64)      NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_feedback_comment_instructor FOREIGN KEY (instructor_id) REFERENCES app_user (id),
  CONSTRAINT uq_feedback_comment_text UNIQUE (instructor_id, text_hash),
  CONSTRAINT ck_feedback_comment_text CHECK (CHAR_LENGTH(TRIM(text)) > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
