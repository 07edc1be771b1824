-- The one index the engine needs on Camunda's own tables beyond Camunda's schema (migration 20); the inbox reads
-- its own task table (V10), never Camunda's. "if not exists" keeps it where a database created by an earlier
-- release already has it, under the same name.

-- every task completion looks for subtasks by parent (camunda/camunda#36824): without it, each completion scans
-- the whole task table
create index if not exists ipc_task_parent on act_ru_task (parent_task_id_);
