package org.datafirst.catalogue.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.deploy.Manifests.K8sObject;
import org.datafirst.catalogue.deploy.Manifests.Kustomization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every manifest parses and, in each overlay, every reference resolves to something defined. */
class K8sManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");
    /** Keys CloudNativePG writes into the "<cluster>-app" secret. */
    static final Set<String> CNPG_APP_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

    @Test
    void everyManifestParsesAndNamesItsKind() {
        List<Path> files = Manifests.yamlFiles(K8S);
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            for (JsonNode node : Manifests.read(file)) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(node.path("kind").asText()).as(file.toString()).isEqualTo("Kustomization");
                    continue;
                }
                assertThat(node.path("apiVersion").asText())
                        .as("apiVersion in %s", file)
                        .isNotBlank();
                assertThat(node.path("kind").asText()).as("kind in %s", file).isNotBlank();
                assertThat(node.path("metadata").path("name").asText())
                        .as("metadata.name in %s", file)
                        .isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyReferenceResolves(String overlay) {
        Kustomization k = Manifests.build(K8S.resolve(overlay));
        List<String> problems = new ArrayList<>();

        for (JsonNode patch : k.patches()) {
            if (find(
                            k,
                            patch.path("kind").asText(),
                            patch.path("metadata").path("name").asText())
                    == null) {
                problems.add("patch targets missing " + patch.path("kind").asText() + "/"
                        + patch.path("metadata").path("name").asText());
            }
        }
        List<K8sObject> workloads = new ArrayList<>(k.ofKind("Deployment"));
        workloads.addAll(k.ofKind("Job"));
        workloads.addAll(k.ofKind("CronJob"));
        assertThat(workloads).extracting(K8sObject::name).contains("catalogue", "linkage-run", "linkage-monthly");
        for (K8sObject workload : workloads) {
            JsonNode pod = Manifests.podSpec(workload);
            String where = workload.kind() + "/" + workload.name();
            Set<String> volumes = new HashSet<>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.add(volume.path("name").asText());
                if (volume.has("configMap")
                        && find(
                                        k,
                                        "ConfigMap",
                                        volume.path("configMap").path("name").asText())
                                == null) {
                    problems.add(where + " volume uses missing ConfigMap "
                            + volume.path("configMap").path("name").asText());
                }
                if (volume.has("secret")) {
                    requireSecret(k, volume.path("secret").path("secretName").asText(), null, where, problems);
                }
                if (volume.has("persistentVolumeClaim")
                        && find(
                                        k,
                                        "PersistentVolumeClaim",
                                        volume.path("persistentVolumeClaim")
                                                .path("claimName")
                                                .asText())
                                == null) {
                    problems.add(where + " uses missing PVC "
                            + volume.path("persistentVolumeClaim")
                                    .path("claimName")
                                    .asText());
                }
            }
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            for (JsonNode container : containers) {
                String image = container.path("image").asText();
                if (!k.images().contains(image)) {
                    problems.add(where + " image '" + image + "' is not set by the overlay's images");
                }
                container.path("volumeMounts").forEach(mount -> {
                    if (!volumes.contains(mount.path("name").asText())) {
                        problems.add(where + " mounts undefined volume "
                                + mount.path("name").asText());
                    }
                });
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("configMapRef")
                            && find(
                                            k,
                                            "ConfigMap",
                                            from.path("configMapRef")
                                                    .path("name")
                                                    .asText())
                                    == null) {
                        problems.add(where + " envFrom missing ConfigMap "
                                + from.path("configMapRef").path("name").asText());
                    }
                    if (from.has("secretRef")) {
                        requireSecret(k, from.path("secretRef").path("name").asText(), null, where, problems);
                    }
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom");
                    if (ref.has("secretKeyRef")) {
                        requireSecret(
                                k,
                                ref.path("secretKeyRef").path("name").asText(),
                                ref.path("secretKeyRef").path("key").asText(),
                                where,
                                problems);
                    }
                    if (ref.has("configMapKeyRef")) {
                        K8sObject map = find(
                                k,
                                "ConfigMap",
                                ref.path("configMapKeyRef").path("name").asText());
                        if (map == null
                                || !map.node()
                                        .path("data")
                                        .has(ref.path("configMapKeyRef")
                                                .path("key")
                                                .asText())) {
                            problems.add(
                                    where + " env " + env.path("name").asText() + " refers to a missing ConfigMap key");
                        }
                    }
                }
                Set<String> ports = new HashSet<>();
                container.path("ports").forEach(p -> {
                    ports.add(p.path("name").asText());
                    ports.add(p.path("containerPort").asText());
                });
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    JsonNode http = container.path(probe).path("httpGet");
                    if (container.has(probe)) {
                        if (!HEALTH_PATHS.contains(http.path("path").asText())) {
                            problems.add(where + " " + probe + " path "
                                    + http.path("path").asText() + " is not a health path");
                        }
                        if (!ports.contains(http.path("port").asText())) {
                            problems.add(where + " " + probe + " port "
                                    + http.path("port").asText() + " is not a container port");
                        }
                    }
                }
            }
        }

        K8sObject deployment = find(k, "Deployment", "catalogue");
        JsonNode catalogueContainer =
                Manifests.podSpec(deployment).path("containers").get(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(catalogueContainer.has(probe))
                    .as("catalogue has a " + probe)
                    .isTrue();
        }
        for (K8sObject service : k.ofKind("Service")) {
            boolean selects = workloads.stream()
                    .anyMatch(w -> labelsMatch(service.node().path("spec").path("selector"), Manifests.podLabels(w)));
            if (!selects) {
                problems.add("Service/" + service.name() + " selects no pods");
            }
        }
        for (K8sObject ingress : k.ofKind("Ingress")) {
            ingress.node()
                    .path("spec")
                    .path("rules")
                    .forEach(rule -> rule.path("http").path("paths").forEach(path -> {
                        JsonNode backend = path.path("backend").path("service");
                        K8sObject service =
                                find(k, "Service", backend.path("name").asText());
                        if (service == null) {
                            problems.add("Ingress/" + ingress.name() + " routes to missing Service "
                                    + backend.path("name").asText());
                        } else if (!servicePortNames(service)
                                .contains(backend.path("port")
                                        .path("name")
                                        .asText(backend.path("port")
                                                .path("number")
                                                .asText()))) {
                            problems.add("Ingress/" + ingress.name() + " routes to a port Service/" + service.name()
                                    + " lacks");
                        }
                    }));
            boolean certManager =
                    ingress.node().path("metadata").path("annotations").has("cert-manager.io/cluster-issuer");
            ingress.node().path("spec").path("tls").forEach(tls -> {
                if (!certManager) {
                    requireSecret(k, tls.path("secretName").asText(), null, "Ingress/" + ingress.name(), problems);
                }
            });
        }
        for (K8sObject hpa : k.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.node().path("spec").path("scaleTargetRef");
            if (find(k, target.path("kind").asText(), target.path("name").asText()) == null) {
                problems.add("HPA/" + hpa.name() + " scales a missing "
                        + target.path("kind").asText());
            }
        }
        for (String kind : List.of("PodDisruptionBudget", "NetworkPolicy")) {
            for (K8sObject policy : k.ofKind(kind)) {
                JsonNode selector = "PodDisruptionBudget".equals(kind)
                        ? policy.node().path("spec").path("selector").path("matchLabels")
                        : policy.node().path("spec").path("podSelector").path("matchLabels");
                if (workloads.stream().noneMatch(w -> labelsMatch(selector, Manifests.podLabels(w)))) {
                    problems.add(kind + "/" + policy.name() + " selects no pods");
                }
            }
        }
        for (K8sObject backup : k.ofKind("ScheduledBackup")) {
            if (find(
                            k,
                            "Cluster",
                            backup.node()
                                    .path("spec")
                                    .path("cluster")
                                    .path("name")
                                    .asText())
                    == null) {
                problems.add("ScheduledBackup/" + backup.name() + " names a missing Cluster");
            }
        }
        for (K8sObject cluster : k.ofKind("Cluster")) {
            JsonNode s3 = cluster.node()
                    .path("spec")
                    .path("backup")
                    .path("barmanObjectStore")
                    .path("s3Credentials");
            s3.forEach(credential -> requireSecret(
                    k,
                    credential.path("name").asText(),
                    credential.path("key").asText(),
                    "Cluster/" + cluster.name(),
                    problems));
        }
        assertThat(problems).as("unresolved references in " + overlay).isEmpty();
    }

    @Test
    void catalogueConfigMapKeysAreServiceConfiguration() throws IOException {
        Set<String> known = new HashSet<>();
        mappingNames(
                CatalogueConfig.class,
                CatalogueConfig.class.getAnnotation(ConfigMapping.class).prefix(),
                known);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        properties.stringPropertyNames().forEach(name -> known.add(name.replaceFirst("^%[a-z]+\\.", "")));
        // Runtime datasource settings every deployment supplies (not defaulted in application.properties).
        known.addAll(
                Set.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password"));
        Set<String> envNames = new HashSet<>();
        known.forEach(name -> envNames.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()));

        Kustomization base = Manifests.build(K8S.resolve("base"));
        JsonNode data = find(base, "ConfigMap", "catalogue-config").node().path("data");
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> keys = data.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!envNames.contains(key)) {
                unknown.add(key);
            }
        }
        assertThat(unknown)
                .as("ConfigMap keys that are no configuration property of the service")
                .isEmpty();
        assertThat(envNames).contains("CATALOGUE_SOURCES_PATH", "QUARKUS_DATASOURCE_JDBC_URL");
    }

    private static void mappingNames(Class<?> type, String prefix, Set<String> out) {
        for (Method method : type.getDeclaredMethods()) {
            String name = prefix + "."
                    + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            if (method.getReturnType().isInterface() && method.getReturnType().getDeclaringClass() == type) {
                mappingNames(method.getReturnType(), name, out);
            } else {
                out.add(name);
            }
        }
    }

    private static void requireSecret(Kustomization k, String name, String key, String where, List<String> problems) {
        K8sObject secret = find(k, "Secret", name);
        if (secret != null) {
            if (key != null
                    && !secret.node().path("data").has(key)
                    && !secret.node().path("stringData").has(key)) {
                problems.add(where + " needs key " + key + " of Secret " + name);
            }
            return;
        }
        for (K8sObject external : k.ofKind("ExternalSecret")) {
            if (external.node()
                    .path("spec")
                    .path("target")
                    .path("name")
                    .asText()
                    .equals(name)) {
                boolean hasKey = key == null;
                for (JsonNode item : external.node().path("spec").path("data")) {
                    hasKey |= item.path("secretKey").asText().equals(key);
                }
                if (!hasKey) {
                    problems.add(where + " needs key " + key + " of ExternalSecret " + name);
                }
                return;
            }
        }
        for (K8sObject cluster : k.ofKind("Cluster")) {
            if ((cluster.name() + "-app").equals(name)) {
                if (key != null && !CNPG_APP_KEYS.contains(key)) {
                    problems.add(where + " needs key " + key + " that CloudNativePG does not write");
                }
                return;
            }
        }
        problems.add(where + " refers to Secret " + name + " that nothing defines");
    }

    private static Set<String> servicePortNames(K8sObject service) {
        Set<String> names = new HashSet<>();
        service.node().path("spec").path("ports").forEach(p -> {
            names.add(p.path("name").asText());
            names.add(p.path("port").asText());
        });
        return names;
    }

    private static boolean labelsMatch(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static K8sObject find(Kustomization k, String kind, String name) {
        return k.objects().stream()
                .filter(o -> o.kind().equals(kind) && o.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
