-- Replicas keep a local map of current releases (catalogue/CurrentReleases) instead of asking on
-- every read. Every commit that can change what the public sees notifies channel
-- catalogue_changed, whichever replica (or person with psql) made it: PostgreSQL delivers the
-- notification to every listening replica when the transaction commits, once per transaction.
create function notify_catalogue_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('catalogue_changed', '');
    return null;
end
$$;

create trigger dataset_changed after insert or update or delete on dataset
    for each statement execute function notify_catalogue_changed();
create trigger release_changed after insert or update or delete on release
    for each statement execute function notify_catalogue_changed();
create trigger release_publication_changed after insert or update or delete on release_publication
    for each statement execute function notify_catalogue_changed();
create trigger lookup_version_changed after insert or update or delete on lookup_version
    for each statement execute function notify_catalogue_changed();
