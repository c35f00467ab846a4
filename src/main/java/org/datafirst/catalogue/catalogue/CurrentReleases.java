package org.datafirst.catalogue.catalogue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.store.DedicatedConnections;
import org.datafirst.catalogue.store.NotificationListener;

/**
 * This replica's map of which release is current for each dataset, and the catalogue's one
 * "has anything public changed?" stamp. Reads ask the map, not PostgreSQL. It is kept fresh by
 * {@code LISTEN catalogue_changed} (V4__catalogue_changed.sql: every commit to datasets, releases,
 * publications or lookup versions notifies, from whichever replica), and reloaded at once after a
 * write committed here. While the listener connection is down the map is dropped and every read
 * asks PostgreSQL, as before; on reconnecting the map is reloaded whole.
 */
@ApplicationScoped
public class CurrentReleases {

    /** The notification channel the V4 triggers send on. */
    public static final String CHANNEL = "catalogue_changed";

    /** A dataset's current release (null while it has only drafts) and its entity tag. */
    public record Current(String datasetId, Long releaseId, String tag) {}

    /** Sent (inside the writing transaction) whenever a release, lookup version or current release is written. */
    public record Written(String datasetId) {}

    private record Snapshot(Map<String, Current> datasets, String stamp) {}

    private static final String DATASETS = """
            select d.id, d.current_release_id, c.content_hash,
                   (select coalesce(max(r.version), 0) from release r where r.dataset_id = d.id)
              from dataset d left join release c on c.id = d.current_release_id
            """;

    /** Changes whenever what the public sees can change: a release, a current release, a lookup version. */
    private static final String STAMP = """
            select (select coalesce(max(id), 0) from release) || '/'
                || (select coalesce(max(seq), 0) from release_publication) || '/'
                || (select count(*) from release where status = 'published') || '/'
                || (select coalesce(max(id), 0) from lookup_version) || '/'
                || (select coalesce(max(id), 0) from linkage_quality_report)
            """;

    @Inject
    AgroalDataSource pool;

    @Inject
    DedicatedConnections connections;

    private DataSource dataSource;
    private volatile Snapshot snapshot;
    private final AtomicLong loads = new AtomicLong();
    private NotificationListener listener;

    public CurrentReleases() {}

    /** An instance outside CDI (a second replica in a test): its own map, its own listener. */
    public CurrentReleases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent started) {
        dataSource = pool;
        listen(() -> connections.open("catalogue-changes"));
    }

    void stop(@Observes ShutdownEvent stopping) {
        close();
    }

    /** Starts listening for changes; until the listener is up, reads ask PostgreSQL. */
    public void listen(NotificationListener.Opener opener) {
        listener = new NotificationListener(opener, CHANNEL, this::reload, this::forget).start();
    }

    public void close() {
        if (listener != null) {
            listener.close();
        }
    }

    /** Whether reads are answered from the map (the listener is up and the map loaded). */
    public boolean live() {
        return snapshot != null;
    }

    /** How many times the map was loaded: tests tell a notification from a fallback read with it. */
    public long loads() {
        return loads.get();
    }

    /** A dataset's current release, or NotFoundException when it has none. */
    public long currentReleaseId(String datasetId) {
        Current current = find(datasetId).orElseThrow(() -> new NotFoundException("dataset", datasetId));
        if (current.releaseId() == null) {
            throw new NotFoundException("dataset", datasetId);
        }
        return current.releaseId();
    }

    /**
     * A dataset's entity tag (the one {@code GET /api/v1/datasets/{id}} sends), empty when there is
     * no such dataset.
     */
    public Optional<String> datasetTag(String datasetId) {
        return find(datasetId).map(Current::tag);
    }

    /**
     * A dataset as this replica's map knows it, without asking PostgreSQL: empty when the map is not live
     * (the listener is down) or does not hold the dataset. For the event loop, where nothing may block.
     */
    public Optional<Current> known(String datasetId) {
        Snapshot known = snapshot;
        return known == null
                ? Optional.empty()
                : Optional.ofNullable(known.datasets().get(datasetId));
    }

    /** The catalogue's stamp: caches of anything public key on it. */
    public String stamp() {
        Snapshot known = snapshot;
        return known != null ? known.stamp() : query(c -> stamp(c));
    }

    private Optional<Current> find(String datasetId) {
        Snapshot known = snapshot;
        if (known != null) {
            return Optional.ofNullable(known.datasets().get(datasetId));
        }
        return Optional.ofNullable(query(c -> datasets(c, datasetId).get(datasetId)));
    }

    /** After a write committed on this replica, its readers see it at once (not when the notification comes). */
    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written written) {
        if (listener != null && listener.listening()) {
            reload();
            if (!listener.listening()) {
                forget();
            }
        }
    }

    /** Loads the whole map (the catalogue has tens of datasets, not millions). */
    public synchronized void reload() {
        Snapshot loaded = query(c -> new Snapshot(datasets(c, null), stamp(c)));
        snapshot = loaded;
        loads.incrementAndGet();
    }

    /** The listener lost its connection: changes may go unseen, so ask PostgreSQL until it is back. */
    synchronized void forget() {
        snapshot = null;
    }

    /**
     * The tag of a dataset: a function of its current release (which alone determines the dataset's
     * representation) and of its newest release (so a new draft also changes it), the same on every replica.
     */
    public static String tag(String datasetId, Long currentId, String currentHash, int headVersion) {
        return "\""
                + ContentHash.sha256(("dataset " + datasetId + " current "
                                        + (currentId == null || currentId == 0 ? 0 : currentId) + " "
                                        + (currentHash == null ? "" : currentHash) + " head " + headVersion)
                                .getBytes(StandardCharsets.UTF_8))
                        .substring(0, 32)
                + "\"";
    }

    private static Map<String, Current> datasets(Connection c, String onlyId) throws SQLException {
        Map<String, Current> datasets = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(onlyId == null ? DATASETS : DATASETS + " where d.id = ?")) {
            if (onlyId != null) {
                s.setString(1, onlyId);
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    long current = rows.getLong(2);
                    Long currentId = rows.wasNull() ? null : current;
                    datasets.put(id, new Current(id, currentId, tag(id, currentId, rows.getString(3), rows.getInt(4))));
                }
            }
        }
        return datasets;
    }

    private static String stamp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STAMP);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer", e);
        }
    }
}
