package org.datafirst.linkage.cli;

import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.InvalidSettingsException;
import org.datafirst.linkage.settings.LinkageSettings;
import picocli.CommandLine.Option;

/** Which clustering turns accepted pairs into person ids, when the command line overrides the settings. */
final class ClusteringMixin {

    @Option(
            names = "--clustering",
            paramLabel = "METHOD",
            description =
                    "average_linkage or connected_components (default: the settings' clustering.method, else average_linkage).")
    String method;

    ClusteringSettings resolve(LinkageSettings settings) {
        if (method == null) {
            return settings.clustering();
        }
        try {
            return settings.clustering().withMethod(ClusteringSettings.Method.fromJson(method));
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException("--clustering must be one of average_linkage, connected_components");
        }
    }
}
