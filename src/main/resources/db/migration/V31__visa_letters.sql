-- Issue 19: visa invitation letters and their public verification. Passport numbers are sealed (AES-256-GCM under
-- the data key, with its id) and never stored in clear; the verification code is stored only as its SHA-256.

create table visa_letter (
    id                  uuid          not null primary key,
    case_id             uuid          not null references patient_case (id),
    code_sha256         varchar(64)   not null,
    consulate_name      varchar(200)  not null,
    consulate_city      varchar(100)  not null,
    name_in_passport    varchar(200)  not null,
    birth_date          date          not null,
    nationality         varchar(2)    not null,
    passport_sealed     varchar(300)  not null,
    passport_last_four  varchar(4)    not null,
    purpose             varchar(16)   not null,
    department          varchar(64)   not null references department (code),
    arrival             date          not null,
    departure           date          not null,
    currency            varchar(3)    not null,
    estimated_minor     bigint        not null,
    estimate_revision   integer       not null,
    deposit_received    boolean       not null,
    document_id         uuid          references document (id),
    issued_by           varchar(255)  not null,
    issued_at           timestamp with time zone not null,
    revoked_at          timestamp with time zone,
    revoked_reason      varchar(300),
    constraint uq_visa_letter_code unique (code_sha256)
);
create index ix_visa_letter_case on visa_letter (case_id, issued_at);

create table visa_companion (
    letter_id           uuid          not null references visa_letter (id),
    position            integer       not null,
    full_name           varchar(200)  not null,
    relationship        varchar(100)  not null,
    passport_sealed     varchar(300)  not null,
    passport_last_four  varchar(4)    not null,
    primary key (letter_id, position)
);
