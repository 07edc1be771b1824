-- Indexes the inbox and the engine need on Camunda's own tables (docs/performance.md says what each one buys).
-- They come after Camunda's schema (migration 20); "if not exists" keeps the ones a database created by an
-- earlier release already has, under the same names.

-- every task completion looks for subtasks by parent (camunda/camunda#36824)
create index if not exists ipc_task_parent on act_ru_task (parent_task_id_);
-- the inbox sorts open tasks by due date, then priority
create index if not exists ipc_task_due_priority on act_ru_task (due_date_, priority_ desc);
-- candidate-group look-ups go from group to task
create index if not exists ipc_identitylink_group_task on act_ru_identitylink (group_id_, type_, task_id_);
-- the inbox's total subtracts the held tasks of the caller's groups
create index if not exists ipc_task_assignee on act_ru_task (assignee_, id_);
