-- Issue 17: saved inbox filters (inbox/SavedFilters). Each has a name, the inbox's filters and a sort; it is its
-- owner's alone, or shared with one candidate group the owner works (a queue: "coordinator:es"), whose members see
-- it too. Only routing filters are kept: no case reference and no patient name (patient data) in a saved filter.
create table inbox_filter (
    id            uuid          not null primary key,
    owner_subject varchar(255)  not null,
    name          varchar(100)  not null,
    shared_with   varchar(255),
    assignee      varchar(16),
    queue_filter  varchar(255),
    language      varchar(8),
    department    varchar(64),
    overdue       boolean,
    follow_up     varchar(16),
    process       varchar(32),
    sort          varchar(16)   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uq_inbox_filter_owner_name unique (owner_subject, name)
);
create index ix_inbox_filter_shared on inbox_filter (shared_with);
