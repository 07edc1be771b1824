-- Least privilege inside the office (issue 24). Portable SQL: PostgreSQL (record) and H2 (dev mode).

-- Every candidate group a case's tasks have had, past and present: a specialist reaches the cases their department
-- has or had a task on, finance the cases with a finance task (access/AccessPolicy). Written as tasks are created,
-- in the engine's transaction, without waiting for the case's own row to be written (no foreign key, as work_item).
create table case_task_group (
    case_id   uuid          not null,
    group_id  varchar(255)  not null,
    primary key (case_id, group_id)
);

-- the groups of the tasks open now (the engine's finished tasks follow in migration 61.1, in workflow's folder)
insert into case_task_group (case_id, group_id)
select distinct w.case_id, g.group_id from work_item w join work_item_group g on g.task_id = w.task_id
where w.case_id is not null
  and not exists (select 1 from case_task_group c where c.case_id = w.case_id and c.group_id = g.group_id);

-- Upload quotas count a physician's open uploads (documents/ResumableUploads)
create index ix_resumable_upload_physician on resumable_upload (physician_subject);
