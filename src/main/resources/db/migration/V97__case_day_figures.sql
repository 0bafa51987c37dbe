-- Fast figures (issue 17): the counts behind the rates, per day a case was filed (the city's day) and
-- per unit, grid and category, kept by org.minhu.cases.CaseDayFigures: the days whose cases changed are
-- counted again before figures are read, so the dashboard and the figures API add up a few rows
-- per day instead of every case of the period. Portable between H2 (PostgreSQL mode) and PostgreSQL.
create table case_day_figures (
    filed_on          date          not null,
    unit              varchar(128),
    grid              varchar(255),
    category          varchar(32)   not null,
    total             bigint        not null,
    dispatched        bigint        not null,
    responded_in_time bigint        not null,
    resolved          bigint        not null,
    rated             bigint        not null,
    satisfied         bigint        not null,
    handling_sum      bigint        not null,
    handling_count    bigint        not null,
    due_for_response  bigint        not null,
    declined          bigint        not null,
    solved            bigint        not null,
    askable           bigint        not null,
    visited           bigint        not null
);
create index case_day_figures_day on case_day_figures (filed_on);

-- when the table was last brought up to date (one row, locked while it is): cases changed since then
-- (updated_at) have their days counted again
create table case_figures_watermark (
    id           integer primary key,
    refreshed_at timestamp with time zone
);
insert into case_figures_watermark (id, refreshed_at) values (1, null);

-- cases not yet accepted, by acceptance time: the days whose cases reached it since the last look
-- are counted again (the response rate counts a case once its time has come); accepted cases are
-- most of the table and sit apart in this index, so the look reads only the few still waiting
create index service_case_unaccepted on service_case (accepted_at, accept_due_at);

-- the dashboard's escalated cases, level by level, most overdue first, and the flagged ones (差评件):
-- a few index entries each instead of every open case sorted
create index service_case_escalated on service_case (escalation_level, due_at);
create index service_case_flagged on service_case (flagged, due_at);
