-- The sender looks for the waiting messages (PENDING or SENDING) only, a few hundred at most among
-- millions sent. A message changes status three or four times, and every change leaves a dead entry
-- in an index on status until VACUUM runs: the old (status, next_attempt_at) index made the claim a
-- bitmap scan over every message ever sent since the last vacuum (13 ms a claim in bench/run, more
-- than the rest of a turn). Partial indexes hold the waiting ones alone; the claim reads them with
-- plain index scans, which mark the entries of messages no longer waiting dead as they pass, so the
-- claim stays cheap even where autovacuum is slow or off. PostgreSQL only: H2 has no partial indexes.
create index outbound_waiting_id on outbound_message (id) where status in ('PENDING', 'SENDING');
create index outbound_waiting_phone on outbound_message (phone, id) where status in ('PENDING', 'SENDING');
drop index outbound_due;
