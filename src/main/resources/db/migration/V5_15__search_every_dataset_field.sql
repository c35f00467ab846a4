-- A dataset is found by every word its page shows: besides title, description, keywords, key
-- variables and research areas (V3), also its approvals (DAGB), where it is held, source systems,
-- jurisdiction, coverage notes, access route, linkage notes, limitations and notes ("synthetic").
-- Versioned 5.15 (issue 15) so that another V5 migration can sit beside it.
drop index release_search_idx;
alter table release drop column search_tsv;
alter table release
    add column search_tsv tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'title', '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'alternativeTitles', '[]')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'description', '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'keywords', '[]')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'keyVariables', '[]')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'approvals', '[]')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'whereHeld', '[]')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'sourceSystems', '[]')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'jurisdiction', '')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'source', '')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'researchAreas', '[]')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'coverage', '[]')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'approvalNotes', '')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'whereHeldNotes', '')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'accessRoute', '')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'linkageNotes', '')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'limitations', '[]')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'notes', '')), 'D') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'dictionaryCompleteness', '')), 'D')
    ) stored;
create index release_search_idx on release using gin (search_tsv);
