package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** What changed: the change feed of release publications, and the stamp that caches key on. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeQueries {

    @Inject
    EntityManager em;

    /** Release publications after a feed position, in publication order. */
    public List<ReleasePublication> publicationsAfter(long seq, int limit) {
        return em.createQuery(
                        "select p from ReleasePublication p where p.seq > :seq order by p.seq",
                        ReleasePublication.class)
                .setParameter("seq", seq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Release publications after a time, in publication order. */
    public List<ReleasePublication> publicationsSince(OffsetDateTime since, int limit) {
        return em.createQuery(
                        "select p from ReleasePublication p where p.publishedAt > :since order by p.seq",
                        ReleasePublication.class)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The feed position of the newest publication, 0 when there is none. */
    public long latestPublication() {
        Long seq = em.createQuery("select max(p.seq) from ReleasePublication p", Long.class)
                .getSingleResult();
        return seq == null ? 0 : seq;
    }
}
