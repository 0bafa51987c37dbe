-- Failed sign-ins in a row per account, and until when it is locked after too many (password guessing).
alter table staff_user add column failed_sign_ins integer not null default 0;
alter table staff_user add column locked_until timestamp with time zone;
