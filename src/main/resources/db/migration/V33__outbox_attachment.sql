-- Issue 19: a mail may carry one attachment (the itinerary's iCalendar file), rendered in the transaction that
-- queues the mail, like its body, and kept with the row so every attempt sends the same bytes.
alter table mail_outbox add column attachment_name varchar(200);
alter table mail_outbox add column attachment_type varchar(100);
alter table mail_outbox add column attachment_content text;
