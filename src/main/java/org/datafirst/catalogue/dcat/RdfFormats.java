package org.datafirst.catalogue.dcat;

import java.util.Arrays;
import java.util.List;
import org.datafirst.catalogue.http.Routes;

/**
 * The {@code <link rel="alternate">} values that HTML pages put in their head to advertise the
 * RDF of what they show. Hrefs are root-relative paths; prefix them with the public base when
 * the page needs absolute links. Usage in a Qute template:
 *
 * <pre>
 * {#for alt in alternates}&lt;link rel="alternate" type="{alt.type}" href="{alt.href}" title="{alt.title}"&gt;{/for}
 * </pre>
 */
public final class RdfFormats {

    private RdfFormats() {}

    /** One alternate representation: media type, root-relative href and a human title. */
    public record Alternate(String rel, String type, String href, String title) {}

    /** The RDF of one dataset, e.g. /datasets/probation.ttl, in every format. */
    public static List<Alternate> alternates(String datasetId) {
        return of(Routes.RELATIVE.dataset(datasetId), "This dataset");
    }

    /** The whole catalogue (its first page), e.g. /catalog.ttl, in every format: for the home page. */
    public static List<Alternate> catalogue() {
        return of(Routes.RELATIVE.catalog(), "The catalogue");
    }

    private static List<Alternate> of(String path, String what) {
        return Arrays.stream(RdfFormat.values())
                .map(f -> new Alternate(
                        "alternate", f.mediaType(), path + "." + f.extension(), what + " as DCAT-AP " + f.label()))
                .toList();
    }
}
