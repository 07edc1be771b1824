-- The mail outbox (issue 7): a mail to send is written in the same transaction as the change that causes it;
-- the sender drains it. One row per case, milestone and recipient: the dedupe key is unique, so a retried
-- transaction, a restart or a second instance can never queue or send one mail twice.
create table mail_outbox (
    id              uuid primary key,
    case_id         uuid not null references patient_case (id),
    dedupe_key      varchar(200) not null,
    milestone       varchar(40) not null,
    recipient_kind  varchar(20) not null,
    recipient       varchar(320) not null,
    language        varchar(8) not null,
    subject         varchar(300) not null,
    body_text       text not null,
    body_html       text not null,
    message_id      varchar(200) not null,
    status          varchar(20) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_by      uuid,
    lease_until     timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint uq_mail_outbox_dedupe unique (dedupe_key)
);
-- What the sender looks for: mail due now, oldest first.
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_case on mail_outbox (case_id, created_at);

-- The visit as booked (treatment visits): what the patient's mails show, in the patient's own zone.
alter table patient_case add column arrival_date date;
alter table patient_case add column first_appointment_at timestamp with time zone;
