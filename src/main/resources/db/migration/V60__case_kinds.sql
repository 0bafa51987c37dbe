-- Case kinds (issue 16): what the resident asks for (投诉/咨询/建议/求助) and how hard it is to
-- handle (易办/重点/疑难), guessed at filing and changed by staff; 不予受理 with a reason from the
-- dispatch rules; 回访 (call-back) by an operator; 复查 (re-inspection) before archiving.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL, like V1.

alter table service_case add column request_type varchar(16) default 'COMPLAINT' not null;
alter table service_case add column handling_class varchar(8) default 'EASY' not null;
alter table service_case add column decline_reason varchar(32);
alter table service_case add column call_back_result varchar(16);
alter table service_case add column called_back_at timestamp with time zone;
alter table service_case add column called_back_by varchar(128);
alter table service_case add column reviewed_at timestamp with time zone;
alter table service_case add column reviewed_by varchar(128);
alter table service_case add column review_photo varchar(1024);
alter table service_case add column review_passed boolean;

