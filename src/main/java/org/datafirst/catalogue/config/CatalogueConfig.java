package org.datafirst.catalogue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Typed configuration of the catalogue; every key is documented in application.properties. */
@ConfigMapping(prefix = "catalogue")
public interface CatalogueConfig {

    Sources sources();

    Api api();

    interface Sources {
        /** Folder holding datasets/*.yaml and lookups/*.yaml. */
        @WithDefault("catalogue-sources")
        String path();

        /** Load (and release) changed source files at start-up. */
        @WithDefault("true")
        boolean loadOnStartup();
    }

    interface Api {
        /** Largest page size a client may ask for. */
        @WithDefault("100")
        int maxPageSize();

        @WithDefault("20")
        int defaultPageSize();

        /** Public base URL used in links; derived from the request when absent. */
        Optional<String> baseUrl();
    }
}
