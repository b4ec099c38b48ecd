-- An HR user's monthly report by mail: the course and the filter of the report page (its query
-- string), sent as XLSX at the start of every month through the mail outbox, within the scope the
-- user has when it is made (report_scope, read then, ADR 15). Cancelling keeps the row.
CREATE TABLE report_subscription (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id      BIGINT        NOT NULL,
  course_id    BIGINT        NOT NULL,
  filter_query VARCHAR(1000) NOT NULL,
  created_at   TIMESTAMP(3)  NOT NULL,
  cancelled_at TIMESTAMP(3)  NULL,
  CONSTRAINT fk_report_subscription_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_report_subscription_course FOREIGN KEY (course_id) REFERENCES course (id),
  INDEX ix_report_subscription_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
