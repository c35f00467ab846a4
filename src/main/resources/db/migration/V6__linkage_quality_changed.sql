-- A published linkage-quality report changes what the public sees (the dataset page's section, the
-- linked-datasets matrix, DCAT, HDR UK, downloads): it notifies like a release, and the catalogue's
-- stamp (catalogue/CurrentReleases) counts the newest report.
create trigger linkage_quality_report_changed after insert or update or delete on linkage_quality_report
    for each statement execute function notify_catalogue_changed();
