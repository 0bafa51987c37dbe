-- Reports that reach supervisors (issue 16: the daily 超期通报 and the weekly 单位排名): a notification
-- about a report, not one case, opens its page. Portable between H2 (PostgreSQL mode) and PostgreSQL.
alter table staff_notification alter column case_id drop not null;
alter table staff_notification add column link varchar(200);
-- a report is told to each person once however many instances look: keyed by its name (kept in
-- case_number) as a case's step is by its case; for case rows this is the V90 key again
create unique index staff_notification_report_once on staff_notification (kind, recipient, deadline_at, case_number);
