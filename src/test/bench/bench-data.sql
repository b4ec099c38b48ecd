-- A course shaped like a real one (6 modules x 10 lessons = 60 activities, real lesson text) and
-- 50 learners enrolled in it at half progress, for the page benchmarks. Idempotent per run
-- (run on a fresh data folder).
SET @hash = (SELECT password_hash FROM app_user WHERE username = 'learner');
SET @unit = (SELECT unit_id FROM app_user WHERE username = 'learner');
SET @content = (SELECT l.content_html FROM lesson l ORDER BY l.activity_id LIMIT 1);

INSERT INTO course (slug, title, summary, sequential, completion_mode)
VALUES ('benchmark-60', 'Benchmark: 60 aktiviteter', 'Et kursus formet som et rigtigt: seks moduler med ti lektioner.', FALSE, 'MANUAL');
SET @course = LAST_INSERT_ID();

INSERT INTO course_module (course_id, position, title, summary)
SELECT @course, seq - 1, CONCAT('Modul ', seq), 'Modulbeskrivelse.' FROM seq_1_to_6;

INSERT INTO activity (module_id, position, kind, title, required, estimated_minutes)
SELECT m.id, s.seq - 1, 'LESSON', CONCAT('Lektion ', m.position + 1, '.', s.seq), TRUE, 10
FROM course_module m JOIN seq_1_to_10 s WHERE m.course_id = @course;

INSERT INTO lesson (activity_id, content_html)
SELECT a.id, @content FROM activity a JOIN course_module m ON m.id = a.module_id WHERE m.course_id = @course;

INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
SELECT CONCAT('bench', LPAD(seq, 2, '0')), @hash, CONCAT('Bench ', seq), @unit, 'LIBRARIAN' FROM seq_1_to_50;
INSERT INTO user_role (user_id, role) SELECT id, 'LEARNER' FROM app_user WHERE username LIKE 'bench%';

INSERT INTO enrolment (user_id, course_id, enrolled_at, status, progress_percent)
SELECT id, @course, NOW(3), 'IN_PROGRESS', 50 FROM app_user WHERE username LIKE 'bench%';

INSERT INTO activity_progress (enrolment_id, activity_id, status, started_at, last_opened_at, completed_at)
SELECT e.id, a.id, 'COMPLETED', NOW(3), NOW(3), NOW(3)
FROM enrolment e JOIN course_module m ON m.course_id = e.course_id JOIN activity a ON a.module_id = m.id
WHERE e.course_id = @course AND m.position < 3;

SELECT @course AS course_id,
       (SELECT MIN(a.id) FROM activity a JOIN course_module m ON m.id = a.module_id
         WHERE m.course_id = @course AND m.position = 3) AS lesson_id;
