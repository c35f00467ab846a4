package org.datafirst.catalogue.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.datafirst.catalogue.config.Json;

/** SHA-256 of a value's canonical JSON: equal content, equal hash, whatever the source formatting. */
public final class ContentHash {

    private ContentHash() {}

    public static String of(Object value) {
        try {
            return sha256(Json.CANONICAL.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
