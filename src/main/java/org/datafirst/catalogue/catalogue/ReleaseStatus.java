package org.datafirst.catalogue.catalogue;

import java.util.List;
import org.datafirst.catalogue.problem.BadParameterException;

/**
 * The {@code status} parameter, read in one place: a write makes a published release or a draft;
 * a read of a release list asks for published ones, drafts, or all.
 */
public enum ReleaseStatus {
    PUBLISHED(List.of(Release.PUBLISHED)),
    DRAFT(List.of(Release.DRAFT)),
    ALL(List.of(Release.PUBLISHED, Release.DRAFT));

    private final List<String> statuses;

    ReleaseStatus(List<String> statuses) {
        this.statuses = statuses;
    }

    /** The status of the release a write makes: published (the default) or draft. */
    public static String ofWrite(String value) {
        ReleaseStatus status = parse(value, "must be published or draft");
        if (status == ALL) {
            throw new BadParameterException("status", "must be published or draft");
        }
        return status.statuses.get(0);
    }

    /** Which releases a list shows: published (the default), draft or all. */
    public static ReleaseStatus ofRead(String value) {
        return parse(value, "must be published, draft or all");
    }

    private static ReleaseStatus parse(String value, String rule) {
        if (value == null || value.isBlank() || value.equals(Release.PUBLISHED)) {
            return PUBLISHED;
        }
        if (value.equals(Release.DRAFT)) {
            return DRAFT;
        }
        if (value.equals("all")) {
            return ALL;
        }
        throw new BadParameterException("status", rule);
    }

    public List<String> statuses() {
        return statuses;
    }

    public boolean includesDrafts() {
        return this != PUBLISHED;
    }
}
