-- The platform's access token, shared by every instance: fetching a new one invalidates the old,
-- so instances keeping tokens of their own would knock each other's out.
create table carrier_token (
    id         integer primary key,
    token      varchar(1024) not null,
    expires_at timestamp with time zone not null,
    fetched_at timestamp with time zone not null
);

-- What a phone can show is learned from delivery reports, which may arrive late and out of order:
-- only a report about a newer message than the one we learned from last may change our mind.
alter table resident add column capability_evidence bigint;
