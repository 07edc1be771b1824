-- Databases created by earlier releases have indexes on Camunda's task tables that only the old inbox query, which
-- read those tables directly, used. The inbox now reads its own table (V10); they only cost writes.
drop index if exists ipc_task_due_priority;
drop index if exists ipc_identitylink_group_task;
drop index if exists ipc_task_assignee;
