-- The catalogue's content model (BRIEF §2). A release is an immutable snapshot of one dataset's
-- dictionary: its dataset-level fields, coverage, tables and variables. Lookups are versioned by
-- content so a release keeps pointing at the codes it was published with, while identical code
-- lists are stored once and shared between datasets.

create table dataset (
    id                  text primary key,
    created_at          timestamptz not null default now(),
    current_release_id  bigint
);

create table release (
    id                       bigserial primary key,
    dataset_id               text not null references dataset (id),
    version                  integer not null,
    label                    text,
    status                   text not null default 'published' check (status in ('draft', 'published')),
    issued                   date not null,
    created_at               timestamptz not null default now(),
    change_notes             text,
    content_hash             text not null,
    origin                   text not null,
    title                    text not null,
    alternative_titles       jsonb not null default '[]',
    description              text not null,
    publisher_name           text not null,
    publisher_url            text,
    contact_name             text not null,
    contact_email            text not null,
    source                   text not null,
    source_systems           jsonb not null default '[]',
    jurisdiction             text not null,
    key_variables            jsonb not null default '[]',
    research_areas           jsonb not null default '[]',
    approvals                jsonb not null default '[]',
    approval_notes           text,
    where_held               jsonb not null default '[]',
    where_held_notes         text,
    access_route             text,
    linkage_notes            text,
    limitations              jsonb not null default '[]',
    notes                    text,
    dictionary_completeness  text not null,
    keywords                 jsonb not null default '[]',
    access_rights            text not null,
    first_released           text,
    official_catalogue_file  text,
    catalogue_entries        jsonb not null default '[]',
    sources                  jsonb not null default '[]',
    search_tsv               tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, keywords), 'B') ||
        setweight(to_tsvector('english'::regconfig, key_variables), 'C') ||
        setweight(to_tsvector('english'::regconfig, research_areas), 'D')
    ) stored,
    unique (dataset_id, version)
);

alter table dataset add constraint dataset_current_release_fk
    foreign key (current_release_id) references release (id);

create table coverage_period (
    id              bigserial primary key,
    release_id      bigint not null references release (id),
    ordinal         integer not null,
    start_date      date not null,
    end_date        date,
    basis           text not null,
    linkable_until  date,
    notes           text,
    check (end_date is null or end_date >= start_date)
);

create table lookup (
    id          text primary key,
    created_at  timestamptz not null default now()
);

create table lookup_version (
    id            bigserial primary key,
    lookup_id     text not null references lookup (id),
    content_hash  text not null,
    title         text not null,
    description   text,
    complete      boolean not null default false,
    source        jsonb,
    created_at    timestamptz not null default now(),
    unique (lookup_id, content_hash)
);

create table lookup_code (
    id                 bigserial primary key,
    lookup_version_id  bigint not null references lookup_version (id),
    ordinal            integer not null,
    code               text not null,
    label              text not null,
    description        text,
    search_tsv         tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, coalesce(label, '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(code, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
    ) stored,
    unique (lookup_version_id, code)
);

create table data_table (
    id           bigserial primary key,
    release_id   bigint not null references release (id),
    ordinal      integer not null,
    name         text not null,
    grain        text not null,
    description  text,
    source_ref   text,
    search_tsv   tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, replace(name, '_', ' ')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(grain, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
    ) stored,
    unique (release_id, name)
);

create table variable (
    id                 bigserial primary key,
    table_id           bigint not null references data_table (id),
    ordinal            integer not null,
    name               text not null,
    label              text,
    description        text,
    data_type          text not null,
    format             text,
    quality_notes      text,
    sensitive          boolean not null default false,
    identifier_role    text,
    lookup_version_id  bigint references lookup_version (id),
    source_ref         text,
    confidence         text,
    evidence           text,
    search_tsv         tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, replace(name, '_', ' ')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(label, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
    ) stored,
    unique (table_id, name)
);

create index release_dataset_idx on release (dataset_id);
create index release_search_idx on release using gin (search_tsv);
create index coverage_release_idx on coverage_period (release_id);
create index table_release_idx on data_table (release_id);
create index table_search_idx on data_table using gin (search_tsv);
create index variable_table_idx on variable (table_id);
create index variable_lookup_idx on variable (lookup_version_id);
create index variable_search_idx on variable using gin (search_tsv);
create index lookup_version_lookup_idx on lookup_version (lookup_id);
create index lookup_code_version_idx on lookup_code (lookup_version_id);
create index lookup_code_search_idx on lookup_code using gin (search_tsv);

-- Hibernate allocates ids in blocks of 50 so that a release's rows are inserted in JDBC batches.
alter sequence release_id_seq increment by 50;
alter sequence coverage_period_id_seq increment by 50;
alter sequence lookup_version_id_seq increment by 50;
alter sequence lookup_code_id_seq increment by 50;
alter sequence data_table_id_seq increment by 50;
alter sequence variable_id_seq increment by 50;
