-- The audit trail (issue 8): who read or changed which patient's data, when, from where, under which request.
-- Written in the transaction of the access it records; append-only (no API changes or deletes a row; on
-- PostgreSQL a trigger refuses updates and deletes, see db/postgresql).
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(255) not null,
    roles          varchar(255) not null,
    action         varchar(40) not null,
    case_id        uuid,
    target         varchar(200),
    request_id     varchar(64) not null,
    client_address varchar(64)
);
create index ix_audit_event_time on audit_event (occurred_at);
create index ix_audit_event_case on audit_event (case_id, occurred_at);
create index ix_audit_event_actor on audit_event (actor, occurred_at);
