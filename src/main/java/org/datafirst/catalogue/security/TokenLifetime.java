package org.datafirst.catalogue.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bounds what a verified bearer token may claim: it must say when it was issued (iat), not later than
 * now plus the clock skew, and be valid (exp minus iat) no longer than
 * {@code catalogue.security.max-token-lifetime}. A leaked token minted for a century, or dated ahead
 * to outlive the cap, gets 401 like a forged one.
 */
@ApplicationScoped
public class TokenLifetime implements SecurityIdentityAugmentor {

    @Inject
    CatalogueConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String refusal = refusal(
                    token.getIssuedAtTime(),
                    token.getExpirationTime(),
                    Instant.now().getEpochSecond());
            if (refusal != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(refusal));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why a token issued at {@code iat} and expiring at {@code exp} (epoch seconds) is refused at {@code now}, or null. */
    String refusal(long iat, long exp, long now) {
        if (iat <= 0) {
            return "the token does not say when it was issued (iat)";
        }
        if (iat > now + config.security().clockSkew().toSeconds()) {
            return "the token is issued in the future";
        }
        if (exp - iat > config.security().maxTokenLifetime().toSeconds()) {
            return "the token is valid for longer than " + config.security().maxTokenLifetime();
        }
        return null;
    }
}
