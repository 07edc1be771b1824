-- Least privilege inside the office (issue 24): the groups of tasks finished before migration 61, from the engine's
-- task history. The history keeps no candidate groups at level "activity", but the models route each of these tasks
-- to one group: the case department's specialists, or finance. Portable SQL: PostgreSQL and H2.
insert into case_task_group (case_id, group_id)
select distinct h.case_id, h.group_id
from (select c.id as case_id,
             case when t.task_def_key_ = 'CostEstimate' then 'finance' else 'specialist:' || c.department end as group_id
      from act_hi_taskinst t join patient_case c on c.process_instance_id = t.proc_inst_id_
      where t.task_def_key_ in ('SpecialistReview', 'MedicalReview', 'DischargeSummary', 'CostEstimate')) h
where not exists (select 1 from case_task_group g where g.case_id = h.case_id and g.group_id = h.group_id);
