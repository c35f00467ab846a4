package org.datafirst.catalogue.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.security.LocalSigningKey;

/**
 * The variable list as a cookie value: {@code <issued epoch seconds>.<deflated JSON, base64url>.<HMAC>}.
 * Signed (HMAC-SHA256) so the service reads back only lists it wrote; expired after {@link #LIFETIME}
 * without a change; at most {@link #MAX_BYTES} so it fits one cookie. A value that fails any check
 * reads as an empty list. The key is {@code catalogue.web.variable-list-key} (set it, the same on every
 * replica, in production) or else derived from the local token signing key.
 */
@ApplicationScoped
public class VariableListCookie {

    public static final String NAME = "variable-list";
    public static final Duration LIFETIME = Duration.ofDays(30);
    static final int MAX_BYTES = 3800;

    @Inject
    CatalogueConfig config;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();
    private SecretKeySpec key;

    @PostConstruct
    void start() {
        byte[] secret = config.web()
                .variableListKey()
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> LocalSigningKey.privateKey().getEncoded());
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256").digest(concat("variable-list:", secret));
            key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String write(VariableList list) {
        try {
            String body = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(deflate(json.writeValueAsBytes(list.entries())));
            String signed = clock.instant().getEpochSecond() + "." + body;
            String value = signed + "." + sign(signed);
            if (value.length() > MAX_BYTES) {
                throw new BadParameterException(
                        "justification",
                        "makes the list too long to keep: shorten the justifications or remove variables");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public VariableList read(String value) {
        if (value == null || value.length() > MAX_BYTES) {
            return VariableList.EMPTY;
        }
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return VariableList.EMPTY;
        }
        String signed = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(
                sign(signed).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return VariableList.EMPTY;
        }
        try {
            long issued = Long.parseLong(parts[0]);
            if (clock.instant().getEpochSecond() - issued > LIFETIME.toSeconds()) {
                return VariableList.EMPTY;
            }
            List<VariableList.Entry> entries =
                    json.readValue(inflate(Base64.getUrlDecoder().decode(parts[1])), new TypeReference<>() {});
            return entries.size() > VariableList.MAX_ENTRIES ? VariableList.EMPTY : new VariableList(entries);
        } catch (IOException | IllegalArgumentException | DataFormatException e) {
            return VariableList.EMPTY;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(String prefix, byte[] secret) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[p.length + secret.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(secret, 0, all, p.length, secret.length);
        return all;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Inflates at most 64 kB: a signed value never holds more, so nothing larger is unpacked. */
    private static byte[] inflate(byte[] data) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!inflater.finished() && out.size() < 65536) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
