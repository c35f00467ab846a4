package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookups (code lists): versions with their codes, and where current releases use them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LookupQueries {

    private static final String USES = """
            select lv.lookup_id, lv.id, d.id as dataset_id, t.name as table_name, v.name as variable_name
              from dataset d
              join data_table t on t.release_id = d.current_release_id
              join variable v on v.table_id = t.id
              join lookup_version lv on lv.id = v.lookup_version_id
            """;
    private static final String IN_ORDER = " order by lv.lookup_id, d.id, t.ordinal, v.ordinal";

    @Inject
    EntityManager em;

    /** Lookup versions by id, each with its codes in order. */
    public Map<Long, LookupVersion> lookupVersions(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id in :ids",
                        LookupVersion.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(lv -> lv.id, Function.identity(), (a, b) -> a));
    }

    /** A lookup version with its codes in order. */
    public LookupVersion lookupVersionWithCodes(long id) {
        return lookupVersions(List.of(id)).get(id);
    }

    /** Every use of every lookup by a variable of a current release. */
    public List<LookupUse> lookupUses() {
        return uses(em.createNativeQuery(USES + IN_ORDER).getResultList());
    }

    /** The uses of one lookup by variables of current releases. */
    public List<LookupUse> lookupUses(String lookupId) {
        return uses(em.createNativeQuery(USES + " where lv.lookup_id = :lookup" + IN_ORDER)
                .setParameter("lookup", lookupId)
                .getResultList());
    }

    private static List<LookupUse> uses(List<?> result) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) result;
        return rows.stream()
                .map(row -> new LookupUse(
                        (String) row[0], ((Number) row[1]).longValue(), (String) row[2], (String) row[3], (String)
                                row[4]))
                .toList();
    }

    /**
     * The version of a lookup that current releases use (the newest one when they differ), with
     * its codes, or empty when no current release uses the lookup.
     */
    public Optional<LookupVersion> currentLookupVersion(List<LookupUse> uses) {
        return uses.stream()
                .map(LookupUse::lookupVersionId)
                .max(Comparator.naturalOrder())
                .map(this::lookupVersionWithCodes);
    }

    /** The newest version of each lookup that current releases use, by lookup id. */
    public List<LookupVersion> currentLookupVersions(List<LookupUse> uses) {
        Map<String, Long> newest =
                uses.stream().collect(Collectors.toMap(LookupUse::lookupId, LookupUse::lookupVersionId, Math::max));
        Map<Long, LookupVersion> versions = lookupVersions(List.copyOf(newest.values()));
        return newest.values().stream()
                .map(versions::get)
                .sorted(Comparator.comparing(lv -> lv.lookupId))
                .toList();
    }
}
