-- Our business tables. Camunda creates and upgrades its own ACT_* tables.
-- Portable SQL: the same script runs on PostgreSQL (record) and H2 (dev mode).

create table department (
    code        varchar(64)  not null primary key,
    name        varchar(128) not null,
    sort_order  integer      not null
);

create table referring_physician (
    id            uuid         not null primary key,
    subject       varchar(255) not null,
    display_name  varchar(255),
    email         varchar(320),
    institution   varchar(255),
    country       varchar(2),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint uq_physician_subject unique (subject)
);

create table patient (
    id                    uuid         not null primary key,
    given_name            varchar(100) not null,
    family_name           varchar(100) not null,
    birth_date            date         not null,
    sex                   varchar(16)  not null,
    country_of_residence  varchar(2)   not null,
    preferred_language    varchar(35)  not null,
    email                 varchar(320),
    phone                 varchar(32),
    time_zone             varchar(64)  not null,
    email_consent         boolean      not null,
    created_at            timestamp with time zone not null
);

-- Human case references come from a sequence: unique and never blocking under concurrency;
-- a rolled-back submission leaves a gap, which is allowed.
create sequence case_reference_seq start with 1 increment by 1;

create table patient_case (
    id                   uuid          not null primary key,
    reference            varchar(32)   not null,
    case_type            varchar(32)   not null,
    department           varchar(64)   not null references department (code),
    urgency              varchar(16)   not null,
    clinical_summary     varchar(10000) not null,
    status               varchar(32)   not null,
    patient_id           uuid          not null references patient (id),
    physician_id         uuid          not null references referring_physician (id),
    owner                varchar(255),
    process_instance_id  varchar(64),
    acknowledged_at      timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint        not null,
    constraint uq_case_reference unique (reference)
);

create index ix_case_physician_created on patient_case (physician_id, created_at);
create index ix_case_process_instance on patient_case (process_instance_id);

create table case_status_change (
    id          uuid        not null primary key,
    case_id     uuid        not null references patient_case (id),
    status      varchar(32) not null,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(255)
);

create index ix_status_change_case on case_status_change (case_id, changed_at);

-- Centers and departments a case can be routed to (the hospital's own list).
insert into department (code, name, sort_order) values
 ('anesthesia-critical-care-pain', 'Anesthesia, Critical Care & Pain Medicine', 10),
 ('cancer-center', 'Cancer Center', 20),
 ('dermatology', 'Dermatology', 30),
 ('digestive-healthcare-center', 'Digestive Healthcare Center', 40),
 ('heart-center', 'Heart Center', 50),
 ('imaging', 'Imaging', 60),
 ('medicine', 'Medicine', 70),
 ('neurology', 'Neurology', 80),
 ('neurosurgery', 'Neurosurgery', 90),
 ('obstetrics-gynecology', 'Obstetrics & Gynecology', 100),
 ('ophthalmology', 'Ophthalmology', 110),
 ('oral-maxillofacial-surgery', 'Oral & Maxillofacial Surgery', 120),
 ('orthopaedic-surgery', 'Orthopaedic Surgery', 130),
 ('otolaryngology', 'Otolaryngology (ENT)', 140),
 ('pathology', 'Pathology', 150),
 ('pediatrics', 'Pediatrics & Pediatric Surgery', 160),
 ('physical-medicine-rehabilitation', 'Physical Medicine & Rehabilitation', 170),
 ('psychiatry', 'Psychiatry', 180),
 ('radiation-oncology', 'Radiation Oncology', 190),
 ('sports-medicine', 'Sports Medicine', 200),
 ('surgery', 'Surgery', 210),
 ('transplant-center', 'Transplant Center', 220),
 ('trauma-center', 'Trauma Center', 230),
 ('urology', 'Urology', 240),
 ('vascular-center', 'Vascular Center', 250);
