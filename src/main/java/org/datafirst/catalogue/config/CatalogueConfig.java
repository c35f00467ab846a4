package org.datafirst.catalogue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the catalogue; every key is documented in application.properties. */
@ConfigMapping(prefix = "catalogue")
public interface CatalogueConfig {

    Sources sources();

    Api api();

    /**
     * Base of the public, stable URIs of datasets and releases ({base-uri}/datasets/{id}); derived
     * from the request (honouring X-Forwarded-*) when absent.
     */
    Optional<String> baseUri();

    Dcat dcat();

    Gateway gateway();

    interface Dcat {
        /** Datasets per catalogue page when the harvester does not ask for a size. */
        @WithDefault("100")
        int pageSize();

        /** Largest catalogue page a harvester may ask for. */
        @WithDefault("1000")
        int maxPageSize();
    }

    interface Gateway {
        /**
         * When set, the HDR UK Gateway endpoints require this key, sent as the Gateway does: an
         * {@code apikey} header (GMI auth type API_KEY) or {@code Authorization: Bearer} (BEARER).
         */
        Optional<String> apiKey();
    }

    LinkageQuality linkageQuality();

    interface LinkageQuality {
        /** Counts from 1 to this minus one are never published (disclosure control). */
        @WithDefault("10")
        int minimumCount();
    }

    Web web();

    interface Web {
        /** Rendered pages kept in memory (least recently used go first); 0 renders every request. */
        @WithDefault("500")
        int pageCacheSize();

        /**
         * Bytes of rendered pages kept in memory (least recently used go first); a page larger than an
         * eighth of this is never kept.
         */
        @WithDefault("67108864")
        long pageCacheMaxBytes();
    }

    Spreadsheets spreadsheets();

    Synthetic synthetic();

    /** Synthetic data downloads: how much one request may ask for and how many are made at once. */
    interface Synthetic {
        /** Most rows per table a request may ask for (rows=); Data First's own sets have 25,000. */
        @WithDefault("100000")
        int maxRows();

        /** Synthetic files generated at once; further requests get 429 with Retry-After, never a queue. */
        @WithDefault("2")
        int concurrent();

        /**
         * Which dataset each code of a linking table's source-dataset lookup names (code → dataset id), so
         * the linking table's keys point at rows of those datasets' synthetic tables.
         */
        java.util.Map<String, String> linkedDatasets();
    }

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

        /** Largest request body (bytes) a write accepts; larger ones get 413. */
        @WithDefault("2097152")
        long maxBodyBytes();
    }

    /** Limits on uploaded workbooks (XLSX and ODS), checked before anything is parsed. */
    interface Spreadsheets {
        /** Largest upload in bytes. */
        @WithDefault("10485760")
        long maxUploadBytes();

        /** Largest total size in bytes that an upload may unpack to. */
        @WithDefault("104857600")
        long maxUnpackedBytes();

        /** Largest ratio of unpacked to packed bytes of one zip entry (zip-bomb defence). */
        @WithDefault("100")
        int maxCompressionRatio();

        /** Most rows a sheet may have. */
        @WithDefault("50000")
        int maxRows();

        /** Most cells a workbook may hold while read (empty cells before values and merged areas count). */
        @WithDefault("1000000")
        long maxCells();

        /** Most characters in one cell (Excel's own limit). */
        @WithDefault("32767")
        int maxCellChars();

        /** Longest time reading one workbook may take; the read stops then (or when the client has gone). */
        @WithDefault("5s")
        java.time.Duration readTime();

        DryRuns dryRuns();
    }

    /** Anonymous dry runs of the upload: limited per client address and in how many run at once. */
    interface DryRuns {
        /** Dry runs one client address may start per minute (a token bucket holding this many). */
        @WithDefault("30")
        int perMinute();

        /** Anonymous dry runs read at the same time; more are refused at once with 429. */
        @WithDefault("2")
        int concurrent();
    }

    Store store();

    /** How the service watches its database (any PostgreSQL, embedded or configured). */
    interface Store {
        /** How often a dedicated connection checks that the database answers. */
        @WithDefault("250ms")
        Duration heartbeatInterval();

        /**
         * How long the check may wait for the answer; longer means the database is frozen or cut off:
         * readiness goes DOWN and the pool's connections are closed, so waiting requests get 503.
         */
        @WithDefault("1s")
        Duration heartbeatTimeout();
    }

    Security security();

    interface Security {
        /** Longest validity (exp minus iat) a bearer token may have; longer-lived tokens get 401. */
        @WithDefault("12h")
        Duration maxTokenLifetime();

        /** How far in the future a token's iat may lie (clocks differ a little); further gets 401. */
        @WithDefault("60s")
        Duration clockSkew();
    }
}
