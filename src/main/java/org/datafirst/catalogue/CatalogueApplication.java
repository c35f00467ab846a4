package org.datafirst.catalogue;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.datafirst.catalogue.security.LocalSigningKey;
import org.datafirst.catalogue.security.TokenCommand;
import org.datafirst.catalogue.store.EmbeddedStore;

/**
 * Starts the catalogue. When no database URL is configured, an embedded PostgreSQL whose data
 * lives in a local folder is started first, so one command runs the service on a fresh machine.
 * Without a configured token issuer key, a local signing key is used ({@code token} mints tokens).
 */
@QuarkusMain
public final class CatalogueApplication {

    private CatalogueApplication() {}

    public static void main(String... args) {
        if (TokenCommand.handles(args)) {
            System.exit(TokenCommand.run(args));
        }
        // Quarkus answers an address that does not percent-decode (%ZZ) with an empty 400 unless this is
        // set; with it the router passes it on, and web/ErrorPages answers with a page or a problem.
        System.setProperty("vertx.disableURIValidation", "true");
        EmbeddedStore.startIfNoDatabaseConfigured();
        LocalSigningKey.useIfNoIssuerKeyConfigured();
        Quarkus.run(args);
    }
}
