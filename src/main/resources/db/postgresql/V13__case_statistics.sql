-- PostgreSQL only (db/postgresql is a %prod location): which unit handles a case and the state it is in
-- go together (a unit may have no case at all in some states). Without statistics on the pair the
-- planner multiplies their separate frequencies, expects thousands of rows for such an empty pair,
-- and scans the table looking for them: the inbox's counts for one unit took 1.5 s at a million cases
-- (bench, issue 7), and 0.1 s with these.
create statistics if not exists service_case_unit_state_stats (dependencies, mcv) on unit, state from service_case;
create statistics if not exists service_case_category_state_stats (dependencies, mcv) on category, state from service_case;
analyze service_case;
