package org.datafirst.catalogue.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.TooManyRequestsException;

/**
 * Keeps public dry runs of the upload from taking the service: each client address has a token
 * bucket (so many dry runs a minute), and only a few dry runs read at once; the rest are refused
 * at once with 429 and Retry-After, never queued.
 */
@ApplicationScoped
public class DryRunLimiter {

    /** Client addresses remembered; beyond this, addresses whose bucket is full again are forgotten. */
    static final int MAX_CLIENTS = 10_000;

    @Inject
    CatalogueConfig config;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private Semaphore readers;

    @PostConstruct
    void init() {
        readers = new Semaphore(Math.max(1, config.spreadsheets().dryRuns().concurrent()));
    }

    /** Takes one of the client's dry runs for this minute, or refuses with the seconds until the next. */
    public void admit(String client) {
        int perMinute = Math.max(1, config.spreadsheets().dryRuns().perMinute());
        if (buckets.size() > MAX_CLIENTS) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isFull(now, perMinute));
        }
        long wait = buckets.computeIfAbsent(client, c -> new Bucket(perMinute)).take(System.nanoTime(), perMinute);
        if (wait > 0) {
            throw new TooManyRequestsException(
                    "At most " + perMinute + " dry runs a minute are accepted from one " + "address; try again in "
                            + wait + " s",
                    wait);
        }
    }

    /** A place among the dry runs reading now, to be closed when done; refused at once when all are taken. */
    public Permit enter() {
        if (!readers.tryAcquire()) {
            throw new TooManyRequestsException(
                    "The service is checking as many workbooks as it can; try again shortly", 1);
        }
        return readers::release;
    }

    /** A place among the readers; closing it frees the place. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Tokens refilled continuously at perMinute a minute, holding at most perMinute. */
    private static final class Bucket {
        private double tokens;
        private long refilled;

        Bucket(int perMinute) {
            tokens = perMinute;
            refilled = System.nanoTime();
        }

        /** Takes a token and returns 0, or returns the whole seconds until one is there. */
        synchronized long take(long now, int perMinute) {
            refill(now, perMinute);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60 / perMinute);
        }

        synchronized boolean isFull(long now, int perMinute) {
            refill(now, perMinute);
            return tokens >= perMinute;
        }

        private void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - refilled) / 60e9 * perMinute);
            refilled = now;
        }
    }
}
