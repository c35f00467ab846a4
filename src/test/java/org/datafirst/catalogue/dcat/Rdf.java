package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;

/** Test helpers: fetch RDF over HTTP and parse it. */
final class Rdf {

    private Rdf() {}

    static Model parse(byte[] body, RdfFormat format, String base) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body))
                .lang(format.lang())
                .base(base)
                .parse(model);
        return model;
    }

    static Model get(String path, RdfFormat format) {
        Response response = given().accept(format.mediaType()).get(path);
        response.then().statusCode(200);
        return parse(response.asByteArray(), format, "http://localhost/");
    }
}
