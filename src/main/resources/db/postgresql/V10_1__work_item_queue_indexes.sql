-- What only PostgreSQL can do for the task read model: indexes over the unassigned tasks alone (partial). Each walk
-- of the inbox (one per queue of the caller) goes down one of them in the inbox's order, its filter in the index's
-- prefix, and stops after a page; a queue's exact count is an index-only range. Patient names are searched by prefix
-- whatever the database's collation.
create index ix_work_item_open_queue on work_item (queue) where assignee is null;
create index ix_work_item_open_queue_due on work_item (queue, due_at, priority desc, created_at, task_id)
    where assignee is null;
create index ix_work_item_open_language on work_item (queue, language_code, due_at, priority desc, created_at, task_id)
    where assignee is null;
create index ix_work_item_open_department on work_item (queue, department, due_at, priority desc, created_at, task_id)
    where assignee is null;
create index ix_work_item_open_follow_up on work_item (queue, follow_up_at) where assignee is null;
create index ix_work_item_several_groups on work_item (task_id) where assignee is null and queue is null;
create index ix_work_item_patient_name on work_item (patient_name_key varchar_pattern_ops);
create index ix_work_item_patient_family on work_item (patient_family_key varchar_pattern_ops);
