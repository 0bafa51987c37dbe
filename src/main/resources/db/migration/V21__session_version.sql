-- Issue 13: sessions can be ended on the server. Each sign-in carries the account's session version
-- (sealed in the minhu-session-v cookie beside the session cookie); signing out, a new password and
-- deactivation raise it, and every request whose version is not the current one is signed out.
alter table staff_user add column session_version integer not null default 0;
