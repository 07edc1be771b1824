-- Issue 17: the people of the Center by name. The staff directory is filled from the token each time a staff
-- member signs in (staff/StaffDirectory), so owners, assignees and colleagues show by display name, and a task can be
-- handed to a colleague by name. Portable SQL: the same script runs on PostgreSQL and H2 (dev mode).
create table staff_member (
    subject        varchar(255)  not null primary key,
    username       varchar(255),
    display_name   varchar(255)  not null,
    email          varchar(320),
    -- comma-separated: the staff roles, the languages a coordinator speaks, a specialist's departments, and the
    -- candidate groups these make (what the person may work)
    roles          varchar(500)  not null,
    languages      varchar(500)  not null,
    departments    varchar(1000) not null,
    task_groups    varchar(2000) not null,
    -- opt-in notices by e-mail (notify/StaffNotices): a task assigned by someone else; a physician writing on a
    -- case the person owns
    notify_task_assigned     boolean not null default false,
    notify_physician_message boolean not null default false,
    first_seen_at  timestamp with time zone not null,
    last_seen_at   timestamp with time zone not null
);
create index ix_staff_member_name on staff_member (display_name);

-- Absence cover: while an absence lasts (office dates, from its first to its last day), work routed to the absent
-- person as a case's owner goes to the substitute. It ends by itself: "lasts" is a comparison with now.
create table staff_absence (
    id                 uuid          not null primary key,
    staff_subject      varchar(255)  not null references staff_member (subject),
    substitute_subject varchar(255)  not null references staff_member (subject),
    first_day          date          not null,
    last_day           date          not null,
    -- the office's midnight opening the first day and closing the last one (office time zone), for comparisons
    starts_at          timestamp with time zone not null,
    ends_at            timestamp with time zone not null,
    note               varchar(500),
    recorded_by        varchar(255)  not null,
    recorded_at        timestamp with time zone not null,
    ended_by           varchar(255),
    ended_at           timestamp with time zone,
    constraint ck_staff_absence_days check (last_day >= first_day),
    constraint ck_staff_absence_substitute check (substitute_subject <> staff_subject)
);
create index ix_staff_absence_staff on staff_absence (staff_subject, ends_at);
create index ix_staff_absence_ends on staff_absence (ends_at);
