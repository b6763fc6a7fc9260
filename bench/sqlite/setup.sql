-- The engine tables a resume writes, as the SQLite migrations create them (.schema of the app's database), filled
-- with 4 000 running instances like the engine benchmark's, and the raw baseline's table. Run by run.sh.

PRAGMA journal_mode=WAL;

CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "ProcessId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StateJson" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "ParentInstanceId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
, "BusinessKey" TEXT NULL, "BusinessKeyKind" TEXT NULL);
CREATE INDEX "IX_WorkflowInstances_ParentInstanceId" ON "WorkflowInstances" ("ParentInstanceId");
CREATE INDEX "IX_WorkflowInstances_ProcessId_Status" ON "WorkflowInstances" ("ProcessId", "Status");
CREATE INDEX "IX_WorkflowInstances_BusinessKeyKind_BusinessKey" ON "WorkflowInstances" ("BusinessKeyKind", "BusinessKey");
CREATE TABLE "WorkflowTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowTasks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "AssigneeRole" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "FormKey" TEXT NULL,
    "MailTemplate" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DueAt" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CompletedBy" TEXT NULL,
    "CompletedAt" INTEGER NULL,
    "Outcome" TEXT NULL,
    "DataJson" TEXT NULL
, "BusinessKey" TEXT NULL, "BusinessKeyKind" TEXT NULL);
CREATE INDEX "IX_WorkflowTasks_InstanceId" ON "WorkflowTasks" ("InstanceId");
CREATE INDEX "IX_WorkflowTasks_Status_AssigneeRole" ON "WorkflowTasks" ("Status", "AssigneeRole");
CREATE INDEX "IX_WorkflowTasks_BusinessKeyKind_BusinessKey_Status" ON "WorkflowTasks" ("BusinessKeyKind", "BusinessKey", "Status");
CREATE TABLE "WorkflowTimers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowTimers" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ClaimToken" TEXT NULL,
    "ClaimedUntil" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "NextAttemptAt" INTEGER NOT NULL
);
CREATE INDEX "IX_WorkflowTimers_InstanceId" ON "WorkflowTimers" ("InstanceId");
CREATE INDEX "IX_WorkflowTimers_Status_DueAt" ON "WorkflowTimers" ("Status", "DueAt");
CREATE TABLE "WorkflowJournal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "TokenId" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "Actor" TEXT NULL
);
CREATE INDEX "IX_WorkflowJournal_InstanceId_Id" ON "WorkflowJournal" ("InstanceId", "Id");

CREATE TABLE "WorkflowIncidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowIncidents" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "TokenId" TEXT NULL,
    "ElementId" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "ResolvedAt" INTEGER NULL
);
CREATE INDEX "IX_WorkflowIncidents_InstanceId_ResolvedAt" ON "WorkflowIncidents" ("InstanceId", "ResolvedAt");

CREATE TABLE bench_counter (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) INSERT INTO bench_counter SELECT i, 0 FROM n;

-- Random GUIDs as text, as Microsoft.Data.Sqlite stores them, so that the indexes are written where the app writes them.
CREATE TEMP VIEW new_id AS SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21)) AS id FROM (SELECT hex(randomblob(16)) AS h);
CREATE TEMP TABLE seed AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
  SELECT i, (SELECT id FROM new_id WHERE i = i) AS instance, (SELECT id FROM new_id WHERE i = i) AS task, (SELECT id FROM new_id WHERE i = i) AS timer FROM n;
INSERT INTO "WorkflowInstances" SELECT instance, 'example-approval', 1, 'Running', printf('%.700c', 'x'), 1, NULL, 0, 0, NULL, NULL FROM seed;
INSERT INTO "WorkflowTasks" ("Id", "InstanceId", "NodeId", "AssigneeRole", "OrganisationId", "CreatedAt", "DueAt", "Status")
  SELECT task, instance, 'Task_Complete', 'shelter', 'bench', 0, 0, 'Open' FROM seed ORDER BY i;
INSERT INTO "WorkflowTimers" SELECT timer, instance, 'Event_Reminder', 9999999999, 'Pending', NULL, NULL, 0, NULL, 0 FROM seed;
