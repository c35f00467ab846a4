package org.datafirst.catalogue.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.Arrays;

/**
 * Entity tags, quoted and compared in one place. The service keeps tags in their quoted header
 * form ({@code "3b0d…"}): that is what ETag carries and what If-Match / If-None-Match name.
 */
public final class EntityTags {

    private EntityTags() {}

    /** The strong tag of an opaque value (a hash), quoted. */
    public static String quote(String opaque) {
        return "\"" + opaque + "\"";
    }

    /** A quoted tag as JAX-RS wants it (EntityTag adds its own quotes). */
    public static EntityTag of(String quoted) {
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    /** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
    public static boolean weakMatch(String header, String quoted) {
        return header != null
                && Arrays.stream(header.split(","))
                        .map(String::trim)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(quoted));
    }

    /** If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak tag never matches. */
    public static boolean strongMatch(String header, String quoted) {
        return header != null
                && Arrays.stream(header.split(","))
                        .map(String::trim)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(quoted));
    }
}
