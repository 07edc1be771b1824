-- The metrics count cases per status every few seconds (operations/OfficeMetrics); with this index PostgreSQL
-- answers from the index alone instead of reading every case row.
create index if not exists ix_case_status on patient_case (status);
