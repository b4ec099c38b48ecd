-- Every mail the application sends goes through this table (ADR 31):
-- written in the same transaction as what it tells of (a grade released, a reminder asked for), then
-- sent by a background sender that marks a row SENDING (committed) before it talks to the SMTP
-- server and SENT after. An SMTP server that is down leaves the row PENDING with a later
-- next_attempt_at (back-off); after the last attempt it is FAILED and an administrator can retry
-- it. dedup_key makes a mail that must go once (the instructor's digest of a day, a monthly report)
-- impossible to queue twice, also when a scheduled task runs again after a restart.
CREATE TABLE mail_outbox (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind              VARCHAR(30)  NOT NULL,
  dedup_key         VARCHAR(190) NULL,
  recipient         VARCHAR(254) NOT NULL,
  recipient_user_id BIGINT       NULL,
  subject           VARCHAR(300) NOT NULL,
  body              MEDIUMTEXT   NOT NULL,
  attachment_name   VARCHAR(200) NULL,
  attachment_type   VARCHAR(100) NULL,
  attachment        MEDIUMBLOB   NULL,
  message_id        VARCHAR(190) NOT NULL,
  state             VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
  attempts          INT          NOT NULL DEFAULT 0,
  next_attempt_at   TIMESTAMP(3) NOT NULL,
  claimed_at        TIMESTAMP(3) NULL,
  sent_at           TIMESTAMP(3) NULL,
  last_error        VARCHAR(500) NULL,
  created_at        TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_mail_outbox_dedup UNIQUE (dedup_key),
  CONSTRAINT uq_mail_outbox_message_id UNIQUE (message_id),
  CONSTRAINT fk_mail_outbox_user FOREIGN KEY (recipient_user_id) REFERENCES app_user (id),
  CONSTRAINT ck_mail_outbox_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
  CONSTRAINT ck_mail_outbox_sent CHECK ((state = 'SENT') = (sent_at IS NOT NULL)),
  CONSTRAINT ck_mail_outbox_claimed CHECK (state <> 'SENDING' OR claimed_at IS NOT NULL),
  CONSTRAINT ck_mail_outbox_attachment CHECK ((attachment IS NULL) = (attachment_name IS NULL)),
  INDEX ix_mail_outbox_due (state, next_attempt_at),
  INDEX ix_mail_outbox_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
