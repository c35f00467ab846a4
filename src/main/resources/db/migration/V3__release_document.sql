-- A release stores its document whole (issue 13). Releases never change once written, so the
-- dictionary a curator wrote (catalogue-sources/schema/dataset.schema.json, with every lookup its
-- variables use) is kept as one jsonb value and read back through one mapping. Beside it stay only
-- the columns that searches and filters use, generated from the document so they cannot drift:
-- title (ordering), description (search highlights), jurisdiction, where held, approvals, source
-- systems and the full-text vector.
-- Coverage periods keep their dates for the coverage filter; tables, variables and lookup codes
-- keep their rows for variable search, code search and "where used".

alter table release add column document jsonb;

-- Existing releases: the document they were made from, as ReleaseDocuments rebuilt it from rows
-- (Jackson's non_null inclusion: absent fields are left out, lists are always present).
update release r set document = jsonb_strip_nulls(jsonb_build_object(
    'id', r.dataset_id,
    'title', r.title,
    'alternativeTitles', r.alternative_titles,
    'description', r.description,
    'publisher', jsonb_build_object('name', r.publisher_name, 'url', r.publisher_url),
    'contact', jsonb_build_object('name', r.contact_name, 'email', r.contact_email),
    'source', r.source,
    'sourceSystems', r.source_systems,
    'jurisdiction', r.jurisdiction,
    'coverage', coalesce((
        select jsonb_agg(jsonb_build_object('start', c.start_date, 'end', c.end_date, 'basis', c.basis,
                                            'linkableUntil', c.linkable_until, 'notes', c.notes) order by c.ordinal)
          from coverage_period c where c.release_id = r.id), '[]'::jsonb),
    'keyVariables', r.key_variables,
    'researchAreas', r.research_areas,
    'approvals', r.approvals,
    'approvalNotes', r.approval_notes,
    'whereHeld', r.where_held,
    'whereHeldNotes', r.where_held_notes,
    'accessRoute', r.access_route,
    'linkageNotes', r.linkage_notes,
    'limitations', r.limitations,
    'notes', r.notes,
    'dictionaryCompleteness', r.dictionary_completeness,
    'keywords', r.keywords,
    'accessRights', r.access_rights,
    'firstReleased', r.first_released,
    'officialCatalogueFile', r.official_catalogue_file,
    'catalogueEntries', r.catalogue_entries,
    'release', case when r.label is null and r.change_notes is null then null
                    else jsonb_build_object('label', r.label, 'changeNotes', r.change_notes) end,
    'sources', r.sources,
    'tables', coalesce((
        select jsonb_agg(jsonb_build_object(
                   'name', t.name, 'grain', t.grain, 'description', t.description, 'source', t.source_ref,
                   'variables', coalesce((
                       select jsonb_agg(jsonb_build_object(
                                  'name', v.name, 'label', v.label, 'description', v.description,
                                  'type', v.data_type, 'format', v.format, 'qualityNotes', v.quality_notes,
                                  'sensitive', v.sensitive, 'identifierRole', v.identifier_role,
                                  'lookup', lv.lookup_id, 'source', v.source_ref,
                                  'confidence', v.confidence, 'evidence', v.evidence) order by v.ordinal)
                         from variable v left join lookup_version lv on lv.id = v.lookup_version_id
                        where v.table_id = t.id), '[]'::jsonb)) order by t.ordinal)
          from data_table t where t.release_id = r.id), '[]'::jsonb),
    'lookups', coalesce((
        select jsonb_agg(jsonb_build_object(
                   'id', lv.lookup_id, 'title', lv.title, 'description', lv.description,
                   'complete', lv.complete, 'source', lv.source,
                   'codes', coalesce((
                       select jsonb_agg(jsonb_build_object('code', c.code, 'label', c.label,
                                                           'description', c.description) order by c.ordinal)
                         from lookup_code c where c.lookup_version_id = lv.id), '[]'::jsonb)) order by lv.lookup_id)
          from lookup_version lv
         where lv.id in (select v.lookup_version_id from data_table t join variable v on v.table_id = t.id
                          where t.release_id = r.id)), '[]'::jsonb)));

alter table release alter column document set not null;

drop index release_search_idx;
alter table release
    drop column search_tsv,
    drop column label,
    drop column change_notes,
    drop column title,
    drop column alternative_titles,
    drop column description,
    drop column publisher_name,
    drop column publisher_url,
    drop column contact_name,
    drop column contact_email,
    drop column source,
    drop column source_systems,
    drop column jurisdiction,
    drop column key_variables,
    drop column research_areas,
    drop column approvals,
    drop column approval_notes,
    drop column where_held,
    drop column where_held_notes,
    drop column access_route,
    drop column linkage_notes,
    drop column limitations,
    drop column notes,
    drop column dictionary_completeness,
    drop column keywords,
    drop column access_rights,
    drop column first_released,
    drop column official_catalogue_file,
    drop column catalogue_entries,
    drop column sources;

alter table release
    add column title          text  generated always as (document ->> 'title') stored,
    add column description    text  generated always as (document ->> 'description') stored,
    add column jurisdiction   text  generated always as (document ->> 'jurisdiction') stored,
    add column where_held     jsonb generated always as (coalesce(document -> 'whereHeld', '[]')) stored,
    add column approvals      jsonb generated always as (coalesce(document -> 'approvals', '[]')) stored,
    add column source_systems jsonb generated always as (coalesce(document -> 'sourceSystems', '[]')) stored,
    add column search_tsv     tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'title', '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document ->> 'description', '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'keywords', '[]')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'keyVariables', '[]')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(document -> 'researchAreas', '[]')), 'D')
    ) stored;
create index release_search_idx on release using gin (search_tsv);

-- Coverage periods keep only what the coverage filter reads; basis, notes and "linkable until"
-- are in the document.
alter table coverage_period drop column basis, drop column linkable_until, drop column notes;
