package org.datafirst.catalogue.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The HTTP probe paths of the catalogue container, as the deployment manifest names them. */
public final class ManifestProbes {

    private ManifestProbes() {}

    public static List<String> catalogueProbePaths(Path deployment) {
        JsonNode container = Manifests.read(deployment)
                .get(0)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        List<String> paths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            paths.add(container.path(probe).path("httpGet").path("path").asText());
        }
        return paths;
    }
}
