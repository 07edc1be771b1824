-- Documents: metadata here; content in the configured storage (a directory by default, or document_content).
create table document (
    id               uuid          not null primary key,
    case_id          uuid          not null references patient_case (id),
    kind             varchar(32)   not null,
    file_name        varchar(255)  not null,
    content_type     varchar(100)  not null,
    size_bytes       bigint        not null,
    sha256           varchar(64)   not null,
    language         varchar(35),
    storage_key      varchar(255)  not null,
    uploaded_by      varchar(255)  not null,
    uploaded_by_staff boolean      not null,
    uploaded_at      timestamp with time zone not null
);
create index ix_document_case on document (case_id, uploaded_at);

create table document_content (
    storage_key  varchar(255) not null primary key,
    content      bytea        not null
);

-- Messages between the referring physician and the Center about one case.
create table case_message (
    id           uuid          not null primary key,
    case_id      uuid          not null references patient_case (id),
    author_id    varchar(255)  not null,
    author_name  varchar(255),
    author_role  varchar(32)   not null,
    body         varchar(5000) not null,
    created_at   timestamp with time zone not null,
    position     integer       not null
);
create index ix_message_case on case_message (case_id, position);

-- Idempotency-Key: the first answer to a (caller, operation, key) is kept and replayed to retries.
create table idempotency_key (
    id             uuid          not null primary key,
    principal      varchar(255)  not null,
    scope          varchar(100)  not null,
    idem_key       varchar(255)  not null,
    request_hash   varchar(64)   not null,
    status         integer,
    location       varchar(500),
    body           varchar(1000000),
    created_at     timestamp with time zone not null,
    constraint uq_idempotency_key unique (principal, scope, idem_key)
);
