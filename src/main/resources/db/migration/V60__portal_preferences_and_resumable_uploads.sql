-- The physician's portal (issue 18). Portable SQL: PostgreSQL (record) and H2 (dev mode).

-- The language and time zone a physician chose for the portal's pages; null: taken from the browser.
alter table referring_physician add column portal_language varchar(8);
alter table referring_physician add column time_zone varchar(64);

-- Resumable uploads (tus 1.0): the state every replica reads; the bytes received so far are a file of the upload's
-- id in the shared uploads directory (ipc.uploads.directory). A writer holds a lease (lease_token, lease_until)
-- while it appends, so two requests, on one replica or two, never write the same upload at once.
create table resumable_upload (
    id                 uuid          not null primary key,
    case_id            uuid          not null references patient_case (id),
    physician_subject  varchar(255)  not null,
    file_name          varchar(255)  not null,
    declared_type      varchar(100),
    kind               varchar(32)   not null,
    language           varchar(35),
    length_bytes       bigint        not null,
    offset_bytes       bigint        not null,
    lease_token        uuid,
    lease_until        timestamp with time zone,
    document_id        uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create index ix_resumable_upload_case on resumable_upload (case_id);
create index ix_resumable_upload_updated on resumable_upload (updated_at);
