package org.datafirst.catalogue.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.datafirst.catalogue.config.Json;

/**
 * Signs RS256 JWTs in the shape the service verifies (MicroProfile JWT: iss, sub, upn, groups, iat,
 * exp, jti). Used by the {@code token} command for the local signing key and by tests; production
 * tokens come from the organisation's OIDC issuer.
 */
public final class TokenMinter {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TokenMinter() {}

    public static String mint(PrivateKey key, String issuer, String subject, List<String> roles, Duration lifetime) {
        return mint(key, issuer, subject, roles, Instant.now(), lifetime);
    }

    /** A token issued at {@code now} (iat) and valid for {@code lifetime} from then (exp). */
    public static String mint(
            PrivateKey key, String issuer, String subject, List<String> roles, Instant now, Duration lifetime) {
        ObjectNode header = Json.MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = Json.MAPPER
                .createObjectNode()
                .put("iss", issuer)
                .put("sub", subject)
                .put("upn", subject)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        roles.forEach(claims.putArray("groups")::add);
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the token", e);
        }
    }

    private static String encode(ObjectNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }
}
