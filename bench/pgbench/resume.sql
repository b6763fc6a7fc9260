\set n random(1, 4000)
SELECT t."Id", t."InstanceId", t."NodeId", t."Status", i."StateJson" FROM "WorkflowTasks" t LEFT JOIN "WorkflowInstances" i ON t."InstanceId" = i."Id" WHERE t."Id" = lpad(to_hex(:n::bigint),32,'0')::uuid LIMIT 1;
\startpipeline
BEGIN;
UPDATE "WorkflowInstances" SET "Sequence" = "Sequence" + 1, "StateJson" = repeat('y',700), "Status" = 'Running', "UpdatedAt" = now() WHERE "Id" = lpad(to_hex(:n::bigint),32,'0')::uuid;
UPDATE "WorkflowIncidents" SET "ResolvedAt" = now() WHERE "InstanceId" = lpad(to_hex(:n::bigint),32,'0')::uuid AND "ElementId" = 'Event_Reminder' AND "ResolvedAt" IS NULL AND "TokenId" IS NULL AND EXISTS (SELECT 1 FROM "WorkflowTimers" WHERE "Id" = lpad(to_hex(:n::bigint),32,'0')::uuid AND "Status" = 'Failed');
UPDATE "WorkflowTimers" SET "Status" = 'Cancelled', "ClaimToken" = null, "ClaimedUntil" = null WHERE "Id" = lpad(to_hex(:n::bigint),32,'0')::uuid;
INSERT INTO "WorkflowTasks" ("Id","InstanceId","NodeId","AssigneeRole","OrganisationId","BusinessKey","BusinessKeyKind","FormKey","MailTemplate","CreatedAt","DueAt","Status") VALUES (gen_random_uuid(), lpad(to_hex(:n::bigint),32,'0')::uuid, 'Task_Review', 'coordinator', 'bench', null, null, 'admission-review', 'task-assigned', now(), now(), 'Open');
UPDATE "WorkflowTasks" SET "Status" = 'Completed', "CompletedBy" = 'bench', "Outcome" = 'completed', "DataJson" = null, "CompletedAt" = now() WHERE "Id" = lpad(to_hex(:n::bigint),32,'0')::uuid;
INSERT INTO "WorkflowJournal" ("InstanceId","At","TokenId","NodeId","Kind","Detail","Actor") VALUES (lpad(to_hex(:n::bigint),32,'0')::uuid, now(), gen_random_uuid(), 'Task_Complete', 'Left', null, 'bench'), (lpad(to_hex(:n::bigint),32,'0')::uuid, now(), gen_random_uuid(), 'Timer_Remind', 'Cancelled', null, null), (lpad(to_hex(:n::bigint),32,'0')::uuid, now(), gen_random_uuid(), 'Gateway', 'Entered', null, null), (lpad(to_hex(:n::bigint),32,'0')::uuid, now(), gen_random_uuid(), 'Gateway', 'Left', null, null), (lpad(to_hex(:n::bigint),32,'0')::uuid, now(), gen_random_uuid(), 'Task_Review', 'Entered', null, null);
\endpipeline
COMMIT;
