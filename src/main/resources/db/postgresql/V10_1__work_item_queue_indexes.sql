-- What only PostgreSQL can do for the task read model: indexes over the unassigned tasks alone (partial), which
-- serve the queues' exact counts and filtered counts from index entries, and prefix search of patient names whatever
-- the database's collation.
create index ix_work_item_open_queue on work_item (queue, language_code, department) where assignee is null;
create index ix_work_item_open_queue_due on work_item (queue, due_at) where assignee is null;
create index ix_work_item_open_queue_follow_up on work_item (queue, follow_up_at) where assignee is null;
create index ix_work_item_open_department on work_item (queue, department) where assignee is null;
create index ix_work_item_several_groups on work_item (task_id) where assignee is null and queue is null;
create index ix_work_item_patient_name on work_item (patient_name_key varchar_pattern_ops);
create index ix_work_item_patient_family on work_item (patient_family_key varchar_pattern_ops);
