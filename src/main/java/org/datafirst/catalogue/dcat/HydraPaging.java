package org.datafirst.catalogue.dcat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.datafirst.catalogue.dcat.Vocab.Hydra;

/**
 * Hydra paging of the catalogue, in both vocabularies harvesters read: the current one
 * (hydra:PartialCollectionView with hydra:first/last/next/previous, hydra:totalItems on the
 * collection) and the legacy one ckanext-dcat and older harvesters follow (hydra:PagedCollection
 * with hydra:firstPage/lastPage/nextPage/previousPage, hydra:itemsPerPage, hydra:totalItems).
 * All links are absolute.
 */
public final class HydraPaging {

    private HydraPaging() {}

    /** The links of one page; next and previous are null at the ends. */
    public record PageLinks(
            String current,
            String first,
            String last,
            String next,
            String previous,
            long totalItems,
            int itemsPerPage) {}

    public static void addView(Model model, String catalogUri, PageLinks links) {
        Resource page = model.createResource(links.current())
                .addProperty(org.apache.jena.vocabulary.RDF.type, Hydra.PartialCollectionView)
                .addProperty(org.apache.jena.vocabulary.RDF.type, Hydra.PagedCollection)
                .addLiteral(Hydra.totalItems, model.createTypedLiteral(links.totalItems()))
                .addLiteral(Hydra.itemsPerPage, model.createTypedLiteral((long) links.itemsPerPage()));
        link(model, page, Hydra.first, Hydra.firstPage, links.first());
        link(model, page, Hydra.last, Hydra.lastPage, links.last());
        link(model, page, Hydra.next, Hydra.nextPage, links.next());
        link(model, page, Hydra.previous, Hydra.previousPage, links.previous());
        model.createResource(catalogUri)
                .addProperty(Hydra.view, page)
                .addLiteral(Hydra.totalItems, model.createTypedLiteral(links.totalItems()));
    }

    /** Current terms link to the page resource; legacy terms carry the URL as a literal, as ckanext-dcat reads them. */
    private static void link(
            Model model,
            Resource page,
            org.apache.jena.rdf.model.Property current,
            org.apache.jena.rdf.model.Property legacy,
            String url) {
        if (url != null) {
            page.addProperty(current, model.createResource(url));
            page.addProperty(legacy, url);
        }
    }
}
