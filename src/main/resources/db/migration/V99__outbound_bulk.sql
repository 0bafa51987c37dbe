-- A message queued for many residents at once (a notice) is bulk: the sender takes every waiting
-- message that is not bulk first (a reply, a case update, a console message), so a resident who writes
-- while a campaign goes out does not wait behind the campaign's backlog. Each resident's own messages
-- still go oldest first: only a resident's oldest waiting message is ever due.
alter table outbound_message add column bulk boolean default false not null;
