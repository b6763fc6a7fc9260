#!/usr/bin/env bash
# The resume's SQL without .NET: pgbench replays what one resume sends (resume.sql: a read, then BEGIN, the six
# statements and COMMIT; resume-implicit.sql: the same batch in the server's implicit transaction, as the store sends
# it) against the raw single-row UPDATE (raw.sql), in turns, at 1 and 8 clients. It shows how much of the raw rate the
# statements themselves allow. Usage: bench/pgbench/run.sh "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
# (a database it may fill: it drops and creates the engine's tables there).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
conn=${1:?a libpq connection string, e.g. "host=127.0.0.1 port=5432 user=postgres dbname=nsp_pgbench"}
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
psql "$conn" -q -v ON_ERROR_STOP=1 -f "$here/setup.sql"
for clients in 1 8; do
  for round in 1 2 3; do
    for script in raw resume resume-implicit; do
      tps=$("$pgbench" -n -M prepared -T 6 -c "$clients" -j "$clients" -f "$here/$script.sql" "$conn" | awk '/^tps/ { print int($3) }')
      printf '%s client(s), round %s: %-16s %6s/s\n' "$clients" "$round" "$script" "$tps"
    done
  done
done
