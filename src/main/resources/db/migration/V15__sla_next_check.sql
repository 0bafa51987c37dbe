-- When the deadline check next has something to do for a case (a reminder or an escalation); null
-- when nothing is left (closed, paused, or escalated to the top). The check reads only the due rows
-- through the index instead of every open case. Kept by ServiceCase itself on every write.
alter table service_case add column next_check_at timestamp with time zone;
create index service_case_next_check on service_case (next_check_at);
-- open cases written before this column: checked once soon, which plans their next check
update service_case set next_check_at = created_at
 where state in ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS')
   and paused_at is null and escalation_level < 3;
-- resolved cases waiting for a rating: the check reads the due ones by state and resolution time
create index service_case_state_resolved on service_case (state, resolved_at);
