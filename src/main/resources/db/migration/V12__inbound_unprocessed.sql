-- The sweep that picks up messages a crash left unhandled, and the backlog check, look for
-- inbound_message rows with no processed_at: without this index both read the whole table (at
-- 10 M messages, 2.5 s every 5 s; found by the bench, issue 7). Nulls are indexed on H2 and PostgreSQL.
create index inbound_unprocessed on inbound_message (processed_at, received_at);
