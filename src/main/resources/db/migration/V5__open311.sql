-- Open311 GeoReport v2 (org.minhu.open311). Portable between H2 (PostgreSQL mode) and PostgreSQL.

-- Requests from hotline operators, web forms and other apps often come without a mobile number;
-- the phone stays required for 5G Messages, where it is the resident's identity (see NewCase).
alter table service_case alter column phone drop not null;

-- What an Open311 request carries beyond the case itself, one row per case filed through it.
-- Contact details are kept for the handling unit and are never served by the GeoReport API.
create table open311_request (
    case_id       bigint primary key references service_case (id),
    first_name    varchar(128),
    last_name     varchar(128),
    email         varchar(254),
    -- a number given that is not a mainland mobile one: staff can call it, 5G updates cannot reach it
    contact_phone varchar(64),
    device_id     varchar(128),
    account_id    varchar(128),
    media_url     varchar(1024),
    -- the service's attributes as a JSON object: code -> value, or code -> [values] for a multivaluelist
    attributes    varchar(8000)
);
