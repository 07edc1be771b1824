-- Issue 19: itemised cost estimates and the deposit's payments. Money is exact: whole minor units of an ISO 4217
-- currency (cents for USD, fils for KWD), never a floating-point number. Portable SQL (PostgreSQL and H2).

create table estimate (
    id                      uuid          not null primary key,
    case_id                 uuid          not null references patient_case (id),
    -- 1, 2, 3... within the case; a revision supersedes the one before, and both are kept
    revision                integer       not null,
    currency                varchar(3)    not null,
    total_minor             bigint        not null,
    payer_kind              varchar(16)   not null,
    payer_name              varchar(200),
    payer_reference         varchar(100),
    -- the deposit asked for: a fixed amount, or a share of the total (percent), and what that comes to
    deposit_share_percent   numeric(7, 4),
    deposit_minor           bigint        not null,
    planned_admission       date          not null,
    deposit_due_at          timestamp with time zone not null,
    valid_until             date          not null,
    language                varchar(35)   not null,
    document_id             uuid          references document (id),
    issued_by               varchar(255)  not null,
    issued_at               timestamp with time zone not null,
    superseded_at           timestamp with time zone,
    constraint uq_estimate_revision unique (case_id, revision)
);

create table estimate_item (
    estimate_id   uuid          not null references estimate (id),
    position      integer       not null,
    description   varchar(300)  not null,
    amount_minor  bigint        not null,
    primary key (estimate_id, position)
);

create table payment (
    id                  uuid          not null primary key,
    case_id             uuid          not null references patient_case (id),
    -- as received: amount and currency
    currency            varchar(3)    not null,
    amount_minor        bigint        not null,
    received_on         date          not null,
    reference           varchar(100)  not null,
    -- in the estimate's currency: the rate used (estimate currency per one unit received) and what it came to
    exchange_rate       numeric(24, 10),
    counted_currency    varchar(3)    not null,
    counted_minor       bigint        not null,
    recorded_by         varchar(255)  not null,
    recorded_at         timestamp with time zone not null,
    -- 1, 2, 3... within the case: the order finance recorded them in
    position            integer       not null,
    constraint uq_payment_reference unique (case_id, reference),
    constraint uq_payment_position unique (case_id, position)
);

-- Documents the service writes itself and that carry identifiers (visa letters) are stored encrypted: this is their
-- own key, sealed under the data key (ipc.data-key); null for every other document.
alter table document add column content_key varchar(200);
