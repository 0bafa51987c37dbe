-- The sender's first look (OutboxClaims.claim) is for waiting messages that are not bulk: a few among
-- the campaign's hundreds while a notice goes out. A partial index of their own, so that look reads
-- them alone instead of stepping over the campaign's waiting rows in outbound_waiting_id.
create index outbound_waiting_direct on outbound_message (id) where status in ('PENDING', 'SENDING') and not bulk;
