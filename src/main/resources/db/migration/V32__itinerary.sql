-- Issue 19: the visit's appointments. Each keeps its calendar UID for life; every change raises its sequence, so
-- the patient's calendar updates the event instead of adding another (RFC 5545).

create table appointment (
    id              uuid          not null primary key,
    case_id         uuid          not null references patient_case (id),
    starts_at       timestamp with time zone not null,
    minutes         integer       not null,
    place           varchar(64)   not null,
    department      varchar(64)   not null references department (code),
    kind            varchar(24)   not null,
    status          varchar(16)   not null,
    sequence        integer       not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index ix_appointment_case on appointment (case_id, starts_at);
