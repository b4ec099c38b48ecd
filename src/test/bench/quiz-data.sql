-- Learners for the quiz benchmark (run-quiz-benchmarks.sh), enrolled in the demo course
-- "digitalt-medborgerskab" with the LEARNER role, like bench-data.sql. The caller sets @hash first:
-- a password hash in Soteria's format with few iterations (PBKDF2WithHmacSHA512:1024:salt:hash),
-- so that logging in 650 learners costs milliseconds, not 0.3 s of CPU each. The identity store
-- verifies with the iterations stored in the hash. Run on a fresh data folder.
--   qbench-b001..500  the 500 learners who save and hand in at once (goal 1)
--   qbench-q001       the one learner of the sequential runs (goal 2)
--   qbench-s001..100  the 100 learners of the sustained run (goal 3)
--   qbench-w001..050  the warm-up's learners
-- Prints the id of the course's first quiz (the last activity of module 1, never locked).
SET @unit = (SELECT unit_id FROM app_user WHERE username = 'learner');
SET @course = (SELECT id FROM course WHERE slug = 'digitalt-medborgerskab');

INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
SELECT CONCAT('qbench-b', LPAD(seq, 3, '0')), @hash, CONCAT('Quiz Bench B', seq), @unit, 'LIBRARIAN' FROM seq_1_to_500;
INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
SELECT CONCAT('qbench-s', LPAD(seq, 3, '0')), @hash, CONCAT('Quiz Bench S', seq), @unit, 'LIBRARIAN' FROM seq_1_to_100;
INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
SELECT CONCAT('qbench-w', LPAD(seq, 3, '0')), @hash, CONCAT('Quiz Bench W', seq), @unit, 'LIBRARIAN' FROM seq_1_to_50;
INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
VALUES ('qbench-q001', @hash, 'Quiz Bench Q1', @unit, 'LIBRARIAN');

INSERT INTO user_role (user_id, role) SELECT id, 'LEARNER' FROM app_user WHERE username LIKE 'qbench-%';

INSERT INTO enrolment (user_id, course_id, enrolled_at, status, progress_percent)
SELECT id, @course, NOW(3), 'NOT_STARTED', 0 FROM app_user WHERE username LIKE 'qbench-%';

SELECT a.id AS quiz_id
FROM activity a JOIN course_module m ON m.id = a.module_id
WHERE m.course_id = @course AND a.kind = 'QUIZ'
ORDER BY m.position, a.position LIMIT 1;
