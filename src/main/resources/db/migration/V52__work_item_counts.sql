-- Issue 17: exact counts of the inbox without counting. Open tasks per bucket, kept in the transaction of every
-- change of the task read model (workitems/WorkItemCounts): "q:<group>" counts the unassigned tasks whose one
-- candidate group is <group> (work_item.queue), "a:<subject>" the tasks someone holds. "changes" grows with every
-- change in the bucket, so a page can ask cheaply whether its list is still current. Each bucket is spread over a
-- few shards (rows), so concurrent changes of one busy queue do not all wait on one row; a count is the sum of its
-- shards.
create table work_item_count (
    bucket      varchar(300) not null,
    shard       smallint     not null,
    open_tasks  bigint       not null,
    changes     bigint       not null,
    primary key (bucket, shard)
);

-- The counts of the tasks already open when this migration runs
insert into work_item_count (bucket, shard, open_tasks, changes)
    select 'q:' || queue, 0, count(*), count(*) from work_item where assignee is null and queue is not null
    group by queue;
insert into work_item_count (bucket, shard, open_tasks, changes)
    select 'a:' || assignee, 0, count(*), count(*) from work_item where assignee is not null group by assignee;
