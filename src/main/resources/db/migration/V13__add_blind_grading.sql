-- Blind grading (ADR 29): the assignment's graders see a pseudonym instead of the learner's name,
-- file names and download names until the submission's grade is released. The queue of one
-- assignment is read by assignment and status (bulk release, the per-assignment view, the paged
-- queue), so it gets an index of its own.
ALTER TABLE assignment ADD COLUMN blind_grading BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX ix_submission_assignment_status ON submission (assignment_id, status, submitted_at);
