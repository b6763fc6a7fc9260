#!/usr/bin/env bash
# The resume's SQL without .NET, for SQLite as bench/pgbench/run.sh is for PostgreSQL: replay.py replays what one resume
# writes (a read, then BEGIN, the five statements of the step and COMMIT, in WAL mode with synchronous=FULL as
# Microsoft.Data.Sqlite opens the app's database) with prepared statements, against the raw single-row UPDATE
# transaction, in turns. It shows how much of the raw rate the statements themselves allow, and how many pages (WAL
# frames) one commit of each writes. Needs python3 and the sqlite3 shell (Debian: apt-get install sqlite3).
# From one process by default: writers in several processes wait for each other in SQLite's busy handler, which sleeps,
# so PROCESSES=8 measures that handler more than the statements (the engine's clients share one process).
# SYNCHRONOUS=NORMAL or OFF in the environment replays with that setting instead of FULL.
# Usage: bench/sqlite/run.sh [directory for the database, default a temporary one, removed afterwards]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then dir=$1; else dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT; fi
db="$dir/replay.db"
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$db" < "$here/setup.sql" > /dev/null
steps=4000

# Reopens the tasks a resume round completed and removes what it added, so that every round starts alike.
reset() {
  sqlite3 "$db" "DELETE FROM \"WorkflowTasks\" WHERE \"NodeId\" = 'Task_Review'; UPDATE \"WorkflowTasks\" SET \"Status\" = 'Open';
    UPDATE \"WorkflowTimers\" SET \"Status\" = 'Pending'; PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
}

# Steps per second of one kind from the given number of processes, which start together a second from now.
rate() { # kind, processes
  local start pids=() p
  start=$(date +%s.%N | awk '{ printf "%.6f", $1 + 1 }')
  for p in $(seq 0 $(($2 - 1))); do
    python3 "$here/replay.py" "$db" "$1" "$p" "$2" $((steps / $2)) "$start" > "$dir/end.$p" & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  cat "$dir"/end.* | awk -v start="$start" -v n=$((steps / $2 * $2)) '$1 > last { last = $1 } END { printf "%d", n / (last - start) }'
  rm -f "$dir"/end.*
}

for processes in ${PROCESSES:-1}; do
  for round in 1 2 3; do
    for kind in raw resume; do
      printf '%s process(es), round %s: %-7s %6d/s\n' "$processes" "$round" "$kind" "$(rate "$kind" "$processes")"
      reset
    done
  done
done
frames() { FRAMES=1 python3 "$here/replay.py" "$db" "$1" 0 1 400 0; reset; }
echo "WAL frames per commit: raw $(frames raw), resume $(frames resume)"
