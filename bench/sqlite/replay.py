"""One process of bench/sqlite/run.sh: what one resume writes, or the raw single-row UPDATE, as its own transactions.

Python's sqlite3 module keeps its statements prepared (a statement cache per connection), as an engine that prepared
its SQL once would, so the figure is SQLite's own ceiling: no parsing, no .NET. The statements are those of the engine
benchmark's resume (the SQLite store's SQL with --show-sql): a read of the task and its instance, then BEGIN, the
instance (on its sequence), the incident of the reminder timer should it have given up (there is none), the cancelled
timer, the new task, the completed task, five journal rows and COMMIT.

Usage: replay.py DATABASE raw|resume PROCESS PROCESSES COUNT START_AT
Waits until START_AT (Unix time) so that all processes begin together, runs its share (COUNT transactions) and prints
the Unix time it ended. With FRAMES=1 in the environment it runs them without automatic checkpoints and prints instead
the WAL frames (pages) one commit wrote.
"""
import os
import random
import sqlite3
import sys
import time
import uuid

database, kind, process, processes, count, start_at = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
connection = sqlite3.connect(database, isolation_level=None, timeout=10, cached_statements=32)
# As Microsoft.Data.Sqlite opens the app's database (WAL is set in the file by setup.sql).
connection.execute("PRAGMA synchronous=" + os.environ.get("SYNCHRONOUS", "FULL"))
frames = os.environ.get("FRAMES") == "1"
if frames:
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

tasks = connection.execute('SELECT t.rowid, t."Id", t."InstanceId", m."Id" FROM "WorkflowTasks" AS t JOIN "WorkflowTimers" AS m ON m."InstanceId" = t."InstanceId" '
                           'WHERE t."NodeId" = \'Task_Complete\' AND t."Status" = \'Open\' AND m."Status" = \'Pending\'').fetchall()
random.Random(process).shuffle(tasks)
mine = tasks[process::processes][:count]
state = "y" * 700


def raw(rowid, task, instance, timer):
    connection.execute("BEGIN")
    connection.execute("UPDATE bench_counter SET value = value + 1 WHERE id = ?", (rowid % 1000,))
    connection.execute("COMMIT")


def resume(rowid, task, instance, timer):
    (_, _, _, sequence), = connection.execute('SELECT t."Id", t."Status", i."StateJson", i."Sequence" FROM "WorkflowTasks" AS t LEFT JOIN "WorkflowInstances" AS i ON t."InstanceId" = i."Id" WHERE t."Id" = ? LIMIT 2', (task,)).fetchall()
    connection.execute("BEGIN")
    connection.execute('UPDATE "WorkflowInstances" SET "Sequence" = ?, "StateJson" = ?, "Status" = ?, "UpdatedAt" = ? WHERE "Id" = ? AND "Sequence" = ?',
                       (sequence + 1, state, "Running", 1, instance, sequence))
    connection.execute('UPDATE "WorkflowIncidents" SET "ResolvedAt" = ? WHERE "InstanceId" = ? AND "ElementId" = ? AND "ResolvedAt" IS NULL AND "TokenId" IS NULL '
                       'AND EXISTS (SELECT 1 FROM "WorkflowTimers" WHERE "Id" = ? AND "Status" = ?)', (1, instance, "Event_Reminder", timer, "Failed"))
    connection.execute('UPDATE "WorkflowTimers" SET "Status" = ?, "ClaimToken" = NULL, "ClaimedUntil" = NULL WHERE "Id" = ?', ("Cancelled", timer))
    connection.execute('INSERT INTO "WorkflowTasks" ("Id", "InstanceId", "NodeId", "AssigneeRole", "OrganisationId", "BusinessKey", "BusinessKeyKind", "FormKey", "MailTemplate", "CreatedAt", "DueAt", "Status") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                       (str(uuid.uuid4()).upper(), instance, "Task_Review", "coordinator", "bench", None, None, "admission-review", "task-assigned", 1, 1, "Open"))
    connection.execute('UPDATE "WorkflowTasks" SET "Status" = ?, "CompletedBy" = ?, "Outcome" = ?, "DataJson" = ?, "CompletedAt" = ? WHERE "Id" = ?',
                       ("Completed", "bench", "completed", None, 1, task))
    row = "(?, ?, ?, ?, ?, ?, ?)"
    journal = [(instance, 1, "token", node, entry, None, actor) for node, entry, actor in
               [("Task_Complete", "Left", "bench"), ("Event_Reminder", "Cancelled", None), ("Gateway", "Entered", None), ("Gateway", "Left", None), ("Task_Review", "Entered", None)]]
    connection.execute('INSERT INTO "WorkflowJournal" ("InstanceId", "At", "TokenId", "NodeId", "Kind", "Detail", "Actor") VALUES ' + ", ".join([row] * len(journal)),
                       [value for entry in journal for value in entry])
    connection.execute("COMMIT")


step = raw if kind == "raw" else resume
time.sleep(max(0.0, start_at - time.time()))
for task in mine:
    step(*task)
if frames:
    _, written, _ = connection.execute("PRAGMA wal_checkpoint").fetchone()
    print(f"{written / len(mine):.1f}")
else:
    print(f"{time.time():.6f}")
