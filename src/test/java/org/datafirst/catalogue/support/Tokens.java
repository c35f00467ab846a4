package org.datafirst.catalogue.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import org.datafirst.catalogue.security.LocalSigningKey;
import org.datafirst.catalogue.security.TokenMinter;

/** Bearer tokens for tests, signed with the test-only key the service under test trusts (src/test/resources/auth). */
public final class Tokens {

    private static final String ISSUER = LocalSigningKey.LOCAL_ISSUER;
    private static final PrivateKey TEST_KEY =
            LocalSigningKey.readPrivateKey(resource("auth/test-only-signing-key.pem"));

    private Tokens() {}

    public static String curator(String subject) {
        return "Bearer " + TokenMinter.mint(TEST_KEY, ISSUER, subject, List.of("curator"), Duration.ofMinutes(10));
    }

    /** A valid token without the curator role. */
    public static String reader(String subject) {
        return "Bearer " + TokenMinter.mint(TEST_KEY, ISSUER, subject, List.of("reader"), Duration.ofMinutes(10));
    }

    /** A curator token signed by a key the service does not trust. */
    public static String forged(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "Bearer "
                    + TokenMinter.mint(
                            generator.generateKeyPair().getPrivate(),
                            ISSUER,
                            subject,
                            List.of("curator"),
                            Duration.ofMinutes(10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A curator token issued at {@code issuedAt} and valid for {@code lifetime}, properly signed. */
    public static String curatorIssued(String subject, java.time.Instant issuedAt, Duration lifetime) {
        return "Bearer " + TokenMinter.mint(TEST_KEY, ISSUER, subject, List.of("curator"), issuedAt, lifetime);
    }

    /** A curator token from another issuer. */
    public static String otherIssuer(String subject) {
        return "Bearer "
                + TokenMinter.mint(
                        TEST_KEY, "https://elsewhere.example", subject, List.of("curator"), Duration.ofMinutes(10));
    }

    private static String resource(String name) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
