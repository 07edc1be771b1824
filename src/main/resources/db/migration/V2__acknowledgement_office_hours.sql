-- What the acknowledgement told the patient: was the office open, and when does it open next.
alter table patient_case add column ack_office_open boolean;
alter table patient_case add column ack_office_opens_at timestamp with time zone;
