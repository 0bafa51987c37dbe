-- The inbox's overdue count reads open cases past their deadline and not paused, per state, in
-- deadline order up to its cap: with this partial index that is an index-only range (PostgreSQL only:
-- H2 has no partial indexes, and its databases are small).
create index service_case_overdue on service_case (state, due_at, id) where paused_at is null;
