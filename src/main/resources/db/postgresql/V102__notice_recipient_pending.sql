-- A notice's next recipients (NoticeQueue.next: "where r.state = 'PENDING' ... order by r.id limit ?")
-- were read through the primary key whenever the planner's statistics had been taken while the notice's
-- recipients were all still PENDING (the moment after a notice is composed, when its rows are new): each
-- batch then stepped over every recipient already queued, 100,000 rows and 30 ms a batch by the end of a
-- 100,000-resident notice, and the notice's pace fell from ~1,000 to ~700 sends a second in its second
-- minute (bench/run, 2026-12-05 13:17). A partial index of the waiting recipients in id order serves the
-- query without a filter, so it is the cheaper plan whatever the statistics say. (notice_recipient_next,
-- on (state, id), stays: it is the plan the statistics chose once they had seen queued recipients.)
create index notice_recipient_pending on notice_recipient (id) where state = 'PENDING';
