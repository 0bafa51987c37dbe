-- The 12345 cycle: dispatch (with assisting units and a grid), acceptance by a first owner,
-- deadlines with reminders and escalation, pause and extension, resolution, archiving, links.

alter table service_case add column grid varchar(128);
alter table service_case add column assisting_units varchar(512);
alter table service_case add column owner varchar(128);
alter table service_case add column dispatched_at timestamp with time zone;
alter table service_case add column accept_due_at timestamp with time zone;
alter table service_case add column accepted_at timestamp with time zone;
alter table service_case add column paused_at timestamp with time zone;
alter table service_case add column requested_due timestamp with time zone;
alter table service_case add column reminders_sent integer default 0 not null;
alter table service_case add column escalation_level integer default 0 not null;
alter table service_case add column resolution_note varchar(2000);
alter table service_case add column resolution_photo varchar(1024);
alter table service_case add column handling_seconds bigint;
alter table service_case add column rating_reminded_at timestamp with time zone;
alter table service_case add column archived_at timestamp with time zone;
alter table service_case add column linked_to varchar(32);

create index service_case_state_due on service_case (state, due_at);
create index service_case_unit_state on service_case (unit, state);
create index service_case_created on service_case (created_at, id);
