-- The claim's head check (OutboxClaims: a phone's oldest waiting message) should look a phone's waiting
-- messages up in outbound_waiting_phone. Asked as "not exists (... e.phone = o.phone and e.id < o.id)",
-- the planner read a whole index of the waiting messages for each head whenever its statistics had
-- been taken with few messages waiting (the usual moment): under 256 residents, 1,000 to 8,000 index
-- rows stepped over per claim, 1.9 ms a claim on average and up to 68 ms, the statement PostgreSQL
-- spent most of its time on. The check is now a correlated min(id), and no partial index of all the
-- waiting messages in id order is left to serve it: the bulk lane gets one of its own, as the direct
-- lane has (V100), and outbound_waiting_id goes. So the check is one lookup by phone in
-- outbound_waiting_phone whatever the statistics say.
create index outbound_waiting_bulk on outbound_message (id) where status in ('PENDING', 'SENDING') and bulk;
drop index outbound_waiting_id;
