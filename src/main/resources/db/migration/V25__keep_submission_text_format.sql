-- Submission texts are rich text from here on (ADR 32): sanitised HTML. What was written before
-- stays as it was written — a handed-in version is a record and is never rewritten — and says so:
-- PLAIN texts are shown escaped with their line breaks, HTML texts sanitised again. Existing rows
-- are PLAIN; the application writes HTML, which is therefore the default from now on.
ALTER TABLE submission
  ADD COLUMN draft_format VARCHAR(5) NOT NULL DEFAULT 'PLAIN' AFTER draft_text,
  ADD CONSTRAINT ck_submission_draft_format CHECK (draft_format IN ('PLAIN', 'HTML'));
ALTER TABLE submission ALTER COLUMN draft_format SET DEFAULT 'HTML';

ALTER TABLE submission_version
  ADD COLUMN text_format VARCHAR(5) NOT NULL DEFAULT 'PLAIN' AFTER text,
  ADD CONSTRAINT ck_submission_version_text_format CHECK (text_format IN ('PLAIN', 'HTML'));
ALTER TABLE submission_version ALTER COLUMN text_format SET DEFAULT 'HTML';
