-- The data generator for the grading benchmark (issue 9; run-grading-benchmarks.sh,
-- docs/benchmarks.md): fills a database that has the demo data with @submissions learners, each
-- enrolled in "digitalt-medborgerskab" with one reflection handed in and waiting for the
-- instructor, spread evenly over the course's assignments, handed in a minute apart over the last
-- days (the oldest first in the queue), a tenth of them late, each with a text of some 300 words.
-- MariaDB's sequence engine makes the rows in SQL. Prints the submissions made.
SET @course = (SELECT id FROM course WHERE slug = 'digitalt-medborgerskab');
SET @unit = (SELECT MIN(id) FROM org_unit);

CREATE TEMPORARY TABLE bench_assignments (n INT PRIMARY KEY, assignment_id BIGINT NOT NULL);
INSERT INTO bench_assignments
SELECT ROW_NUMBER() OVER (ORDER BY m.position, a.position) - 1, a.id
FROM activity a JOIN course_module m ON m.id = a.module_id
WHERE m.course_id = @course AND a.kind = 'ASSIGNMENT';
SET @assignments = (SELECT COUNT(*) FROM bench_assignments);

INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
SELECT CONCAT('gbench-', s.seq), 'PBKDF2WithHmacSHA512:1:AAAA:AAAA',
       CONCAT(ELT(1 + s.seq % 8, 'Astrid', 'Bjørn', 'Ærtebølle', 'Dagmar', 'Øivind', 'Åsa', 'Karen', 'Niels'),
              ' ', ELT(1 + (s.seq DIV 8) % 6, 'Holm', 'Kjær', 'Lund', 'Søgaard', 'Østergård', 'Mølgaard'),
              ' ', s.seq),
       @unit, 'LIBRARIAN'
FROM seq_1_to_100000 s WHERE s.seq <= @submissions;
INSERT INTO user_role (user_id, role) SELECT id, 'LEARNER' FROM app_user WHERE username LIKE 'gbench-%';
INSERT INTO enrolment (user_id, course_id, enrolled_at, status, progress_percent, last_accessed_at)
SELECT id, @course, NOW(3) - INTERVAL 30 DAY, 'IN_PROGRESS', 10, NOW(3) - INTERVAL 1 DAY
FROM app_user WHERE username LIKE 'gbench-%';

SET @text = REPEAT('Borgeren kom til skranken med et brev i Digital Post, som hun ikke kunne finde. Jeg viste hende, hvordan hun selv logger på med MitID-appen. ', 12);
INSERT INTO submission (assignment_id, user_id, status, submitted_at, versions, late)
SELECT b.assignment_id, u.id, 'SUBMITTED',
       NOW(3) - INTERVAL (@submissions - CAST(SUBSTRING(u.username, 8) AS UNSIGNED) + 10) MINUTE,
       1, CAST(SUBSTRING(u.username, 8) AS UNSIGNED) % 10 = 0
FROM app_user u JOIN bench_assignments b ON b.n = CAST(SUBSTRING(u.username, 8) AS UNSIGNED) % @assignments
WHERE u.username LIKE 'gbench-%';
INSERT INTO submission_version (submission_id, number, text, submitted_at, late, own_work)
SELECT s.id, 1, CONCAT(@text, ' (', s.id, ')'), s.submitted_at, s.late, TRUE
FROM submission s JOIN app_user u ON u.id = s.user_id WHERE u.username LIKE 'gbench-%';

SELECT COUNT(*) FROM submission s JOIN app_user u ON u.id = s.user_id WHERE u.username LIKE 'gbench-%';
