-- Issue 17, PostgreSQL only (partial indexes with INCLUDE; dev mode's H2 finds the same rows without them):
-- - a task set aside until a later follow-up date leaves the default view, so every walk of a queue in the inbox's
--   order skips such tasks: the follow-up date rides in the walk's index, and a queue's overdue count (tasks not
--   set aside) is an index-only range;
-- - saved filters sort by priority or by age as well as by due date: one ordered walk per queue for each.
drop index if exists ix_work_item_open_queue_due;
create index ix_work_item_open_queue_due on work_item (queue, due_at, priority desc, created_at, task_id)
    include (follow_up_at) where assignee is null;
create index ix_work_item_open_queue_priority on work_item (queue, priority desc, due_at, created_at, task_id)
    include (follow_up_at) where assignee is null;
create index ix_work_item_open_queue_created on work_item (queue, created_at, task_id)
    include (follow_up_at) where assignee is null;
