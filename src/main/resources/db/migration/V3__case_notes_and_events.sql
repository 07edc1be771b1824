-- Free text written into task forms (reasons, notes) lives here, never in process variables.
create table case_note (
    id          uuid         not null primary key,
    case_id     uuid         not null references patient_case (id),
    task_key    varchar(64)  not null,
    field       varchar(64)  not null,
    body        varchar(10000) not null,
    author      varchar(255) not null,
    created_at  timestamp with time zone not null
);
create index ix_case_note_case on case_note (case_id, created_at);

-- What happened to a case besides status changes: reminders sent, opinion released, owner handed over...
create table case_event (
    id           uuid         not null primary key,
    case_id      uuid         not null references patient_case (id),
    kind         varchar(48)  not null,
    detail       varchar(500),
    actor        varchar(255),
    occurred_at  timestamp with time zone not null
);
create index ix_case_event_case on case_event (case_id, occurred_at);

-- Status changes made in one instant (one transaction, or a test's frozen clock) keep their order.
alter table case_status_change add column position integer not null default 0;
