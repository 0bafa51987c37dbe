-- Issue 13: what residents and the public may read is kept apart from the staff's own words.
-- case_event.note stays the staff's (reasons, internal notes, what was done); public_text is what the
-- case's resident may read of an entry (and anyone, for the kinds the public sees: CaseEvent.Kind).
-- service_case.public_reply is the 答复居民 text written when resolving, shown on the echo wall and in
-- Open311. Earlier resolutions are not copied into it: their notes were written for staff.
alter table case_event add column public_text varchar(2000);
alter table service_case add column public_reply varchar(2000);
