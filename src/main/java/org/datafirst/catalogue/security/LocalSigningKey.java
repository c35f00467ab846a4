package org.datafirst.catalogue.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The embedded local mode's token issuer: an RSA key pair generated on first start in the key
 * folder ({@code CATALOGUE_KEY_DIR}, default {@code .data/keys}; never committed). When no issuer
 * key is configured ({@code mp.jwt.verify.publickey.location} / {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}),
 * the service verifies tokens with this key's public half, and {@code token} mints curator tokens
 * with its private half. Runs before Quarkus starts, so it reads system properties and the environment.
 */
public final class LocalSigningKey {

    private static final Logger LOG = Logger.getLogger(LocalSigningKey.class);
    static final String PRIVATE_FILE = "local-signing-key.pem";
    static final String PUBLIC_FILE = "local-public-key.pem";
    /** The issuer of locally minted tokens; equals {@code mp.jwt.verify.issuer}'s default. */
    public static final String LOCAL_ISSUER = "urn:datafirst-catalogue:local";

    private LocalSigningKey() {}

    /** Points token verification at the local public key unless an issuer key is configured. */
    public static void useIfNoIssuerKeyConfigured() {
        if (setting("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                        .isPresent()
                || setting("mp.jwt.verify.publickey", "MP_JWT_VERIFY_PUBLICKEY").isPresent()) {
            return;
        }
        Path folder = folder();
        ensure(folder);
        System.setProperty(
                "mp.jwt.verify.publickey.location",
                folder.resolve(PUBLIC_FILE).toUri().toString());
        LOG.infof(
                "No token issuer key configured: verifying tokens with the local signing key in %s "
                        + "(mint one with: java -jar target/quarkus-app/quarkus-run.jar token --subject <name> --role curator)",
                folder);
    }

    /** The local private key, generating the pair first when there is none. */
    public static PrivateKey privateKey() {
        Path folder = folder();
        ensure(folder);
        try {
            String pem = Files.readString(folder.resolve(PRIVATE_FILE), StandardCharsets.US_ASCII);
            return readPrivateKey(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey readPrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }

    public static String issuer() {
        return setting("mp.jwt.verify.issuer", "MP_JWT_VERIFY_ISSUER").orElse(LOCAL_ISSUER);
    }

    static Path folder() {
        return Path.of(setting("catalogue.key-dir", "CATALOGUE_KEY_DIR").orElse(".data/keys"))
                .toAbsolutePath();
    }

    private static synchronized void ensure(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_FILE);
        Path publicFile = folder.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(
                    privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            LOG.infof("Generated a local token signing key in %s", folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the local signing key to " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
