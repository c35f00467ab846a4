-- Curated writes (issue 7): the change feed of release publications, the audit log, and the
-- linkage-quality reports the linkage module publishes.

-- One row each time a release becomes a dataset's published current release. The sequence gives
-- the feed's order and cursor; every writer holds the release advisory lock until it commits, so
-- sequence order is commit order and a cursor never skips a publication.
create table release_publication (
    seq           bigserial primary key,
    release_id    bigint not null references release (id),
    dataset_id    text not null references dataset (id),
    version       integer not null,
    published_at  timestamptz not null default now(),
    actor         text not null
);
create index release_publication_time_idx on release_publication (published_at);

insert into release_publication (release_id, dataset_id, version, published_at, actor)
select id, dataset_id, version, created_at, 'source-loader'
  from release where status = 'published' order by created_at, id;

-- Who did what, when: written in the same transaction as the change it describes.
create table audit_entry (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       text not null,
    action      text not null,
    dataset_id  text,
    version     integer,
    origin      text,
    detail      text
);
create index audit_entry_dataset_idx on audit_entry (dataset_id, id);

-- A linkage-quality report as received (immutable), attached to the dataset's release current at
-- the time, and its groups (one per source dataset and role) for lookup.
create table linkage_quality_report (
    id            bigserial primary key,
    dataset_id    text not null references dataset (id),
    release_id    bigint not null references release (id),
    received_at   timestamptz not null default now(),
    actor         text not null,
    format        text not null,
    content_hash  text not null,
    report        jsonb not null
);
create index linkage_quality_report_dataset_idx on linkage_quality_report (dataset_id, id);

create table linkage_quality_group (
    report_id       bigint not null references linkage_quality_report (id),
    ordinal         integer not null,
    source_dataset  text not null,
    role            text not null,
    primary key (report_id, ordinal)
);
