\set n random(0, 999)
BEGIN;
UPDATE bench_counter SET value = value + 1 WHERE id = :n;
COMMIT;
