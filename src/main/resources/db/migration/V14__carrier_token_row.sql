-- The shared token's row exists from the start, expired, so the first fetch locks it like every later
-- one: with no row to lock, two instances starting together both fetched (the second token invalidating
-- the first) and the second insert failed on the key.
insert into carrier_token (id, token, expires_at, fetched_at)
select 1, '', timestamp with time zone '1970-01-01 00:00:00+00', timestamp with time zone '1970-01-01 00:00:00+00'
where not exists (select 1 from carrier_token where id = 1);
