#!/usr/bin/env bash
# The resume's SQL without .NET, for SQLite as bench/pgbench/run.sh is for PostgreSQL: the sqlite3 shell replays what
# one resume writes (a read, then BEGIN, the five statements of the step and COMMIT, in WAL mode with synchronous=FULL
# as Microsoft.Data.Sqlite opens the app's database) against the raw single-row UPDATE transaction, in turns, from 1 and
# 8 processes. It shows how much of the raw rate the statements themselves allow, and how many pages (WAL frames) one
# commit of each writes. Needs the sqlite3 shell (Debian: apt-get install sqlite3).
# Usage: bench/sqlite/run.sh [directory for the database and scripts, default a temporary one, removed afterwards]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then dir=$1; else dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT; fi
db="$dir/replay.db"
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$db" < "$here/setup.sql" > /dev/null
steps=4000

# One script per process: its share of the steps, each its own transaction. Tasks 1..4000 are rows 1..4000.
script() { # kind, process, processes
  shuf -i 1-$steps | awk -v kind="$1" -v me="$2" -v n="$3" '
    BEGIN { print ".bail on"; print ".timeout 10000"; print "PRAGMA synchronous=FULL;" }
    (NR - 1) % n != me { next }
    kind == "raw" { printf "BEGIN; UPDATE bench_counter SET value = value + 1 WHERE id = %d; COMMIT;\n", $1 % 1000; next }
    {
      task = "(SELECT \"Id\" FROM \"WorkflowTasks\" WHERE rowid = " $1 ")"
      instance = "(SELECT \"InstanceId\" FROM \"WorkflowTasks\" WHERE rowid = " $1 ")"
      uuid = "upper(substr(h, 1, 8) || \x27-\x27 || substr(h, 9, 4) || \x27-\x27 || substr(h, 13, 4) || \x27-\x27 || substr(h, 17, 4) || \x27-\x27 || substr(h, 21))"
      print "SELECT t.\"Id\", t.\"Status\", i.\"StateJson\" FROM \"WorkflowTasks\" t LEFT JOIN \"WorkflowInstances\" i ON t.\"InstanceId\" = i.\"Id\" WHERE t.\"Id\" = " task ";"
      print "BEGIN;"
      print "UPDATE \"WorkflowInstances\" SET \"Sequence\" = \"Sequence\" + 1, \"StateJson\" = printf(\x27%.700c\x27, \x27y\x27), \"Status\" = \x27Running\x27, \"UpdatedAt\" = 1 WHERE \"Id\" = " instance ";"
      print "UPDATE \"WorkflowTimers\" SET \"Status\" = \x27Cancelled\x27, \"ClaimToken\" = NULL, \"ClaimedUntil\" = NULL WHERE \"InstanceId\" = " instance ";"
      print "INSERT INTO \"WorkflowTasks\" (\"Id\", \"InstanceId\", \"NodeId\", \"AssigneeRole\", \"OrganisationId\", \"FormKey\", \"MailTemplate\", \"CreatedAt\", \"DueAt\", \"Status\") SELECT " uuid ", " instance ", \x27Task_Review\x27, \x27coordinator\x27, \x27bench\x27, \x27admission-review\x27, \x27task-assigned\x27, 1, 1, \x27Open\x27 FROM (SELECT hex(randomblob(16)) AS h);"
      print "UPDATE \"WorkflowTasks\" SET \"Status\" = \x27Completed\x27, \"CompletedBy\" = \x27bench\x27, \"Outcome\" = \x27completed\x27, \"CompletedAt\" = 1 WHERE \"Id\" = " task ";"
      row = "(" instance ", 1, " task ", \x27%s\x27, \x27%s\x27, %s)"
      printf "INSERT INTO \"WorkflowJournal\" (\"InstanceId\", \"At\", \"TokenId\", \"NodeId\", \"Kind\", \"Actor\") VALUES " row ", " row ", " row ", " row ", " row ";\n", \
        "Task_Complete", "Left", "\x27bench\x27", "Event_Reminder", "Cancelled", "NULL", "Gateway", "Entered", "NULL", "Gateway", "Left", "NULL", "Task_Review", "Entered", "NULL"
      print "COMMIT;"
    }'
}

# WAL frames (pages) one commit writes: 400 transactions without automatic checkpoints, then the WAL's frame count.
frames_per_commit() {
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  { echo "PRAGMA wal_autocheckpoint=0;"; script "$1" 0 10 | tail -n +4; echo "PRAGMA wal_checkpoint;"; } \
    | sqlite3 "$db" | tail -1 | awk -F'|' '{ printf "%.1f", $2 / 400 }'
}

for processes in 1 8; do
  for round in 1 2 3; do
    for kind in raw resume; do
      for p in $(seq 0 $((processes - 1))); do script "$kind" "$p" "$processes" > "$dir/$kind.$p.sql"; done
      sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
      start=$(date +%s%N)
      pids=()
      for p in $(seq 0 $((processes - 1))); do sqlite3 "$db" < "$dir/$kind.$p.sql" > /dev/null & pids+=($!); done
      for pid in "${pids[@]}"; do wait "$pid"; done
      elapsed=$(( $(date +%s%N) - start ))
      printf '%s process(es), round %s: %-7s %6d/s\n' "$processes" "$round" "$kind" $(( steps * 1000000000 / elapsed ))
    done
  done
done
echo "WAL frames per commit: raw $(frames_per_commit raw), resume $(frames_per_commit resume)"
