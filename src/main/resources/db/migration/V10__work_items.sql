-- The task read model (workitems/WorkItems): one row per open user task, written in the engine's transaction by the
-- task listeners every user task gets (workflow/WorkItemListener), with the case's data the inbox filters, sorts,
-- searches and shows beside it. The inbox reads only these tables, never Camunda's.
create table work_item (
    task_id             varchar(64)   not null primary key,
    task_key            varchar(255)  not null,
    name                varchar(255),
    process             varchar(255)  not null,
    process_instance_id varchar(64),
    case_id             uuid,
    case_reference      varchar(32),
    -- patient data, for staff search: read only through the audited inbox
    patient_name        varchar(201),
    patient_name_key    varchar(201),
    patient_family_key  varchar(100),
    language            varchar(35),
    language_code       varchar(8),
    department          varchar(64),
    urgency             varchar(16),
    case_status         varchar(32),
    case_owner          varchar(255),
    assignee            varchar(255),
    -- the task's candidate group when it has exactly one (nearly always), else null: filters and counts by queue
    -- stay on one row
    queue               varchar(255),
    -- every candidate group, comma-separated, as the inbox shows them
    candidate_groups    varchar(2000) not null,
    due_at              timestamp with time zone,
    follow_up_at        timestamp with time zone,
    priority            integer       not null,
    created_at          timestamp with time zone not null
);

-- Every candidate group of a task: the tasks of a group, for tasks with several groups (queue is null)
create table work_item_group (
    task_id  varchar(64)  not null references work_item (task_id) on delete cascade,
    group_id varchar(255) not null,
    primary key (task_id, group_id)
);
create index ix_work_item_group_group on work_item_group (group_id, task_id);

-- The inbox's order: business-time due date, then priority, then age
create index ix_work_item_due on work_item (due_at, priority desc, created_at, task_id);
create index ix_work_item_assignee on work_item (assignee, due_at, priority desc, created_at, task_id);
create index ix_work_item_case on work_item (case_id);
create index ix_work_item_reference on work_item (case_reference);
create index ix_work_item_queue on work_item (queue, assignee, due_at);
