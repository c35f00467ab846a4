package org.datafirst.linkage.settings;

import java.util.Locale;

/** Splink's link types. */
public enum LinkType {
    /** Find duplicates within the input (pairs within each and across datasets are all compared). */
    DEDUPE_ONLY,
    /** Only compare records from different source datasets. */
    LINK_ONLY,
    /** Compare all pairs, within and across datasets. */
    LINK_AND_DEDUPE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkType fromJson(String value) {
        for (LinkType t : values()) {
            if (t.jsonName().equals(value)) {
                return t;
            }
        }
        throw new InvalidSettingsException("", "must be one of dedupe_only, link_only, link_and_dedupe");
    }
}
