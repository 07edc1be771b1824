-- Documents stored in one instant (several files of one upload) keep the order they were sent in.
alter table document add column position integer not null default 0;
