-- The base of the service's minted URIs when catalogue.base-uri is not set: the public base of the first request
-- that needed one, kept so that dataset URIs (and the HDR UK identifiers built from them) never change with the
-- Host or X-Forwarded-* headers of later requests. One row; replicas that start together agree on whichever
-- insert committed first.
create table canonical_base (
    only_row    boolean primary key default true check (only_row),
    base        text not null,
    first_seen  timestamptz not null default now()
);
