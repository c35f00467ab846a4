-- A report is kept as the module sent it: json keeps the text (key order too, e.g. identifiers in the settings'
-- order, which pages and sheets show), where jsonb reordered keys by length. Nothing queries inside a report.
alter table linkage_quality_report alter column report type json using report::json;
