package org.datafirst.catalogue.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the k8s/ manifests the way kustomize assembles them (resources, configMap and secret
 * generators, images, patch targets), enough to check that every reference resolves. Patches are
 * not merged: they change sizes, not references.
 */
final class Manifests {

    /** Duplicate keys are an error: YAML would silently keep the last one. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    record K8sObject(String file, String kind, String name, JsonNode node) {}

    record Kustomization(Path dir, List<K8sObject> objects, List<String> images, List<JsonNode> patches) {

        List<K8sObject> ofKind(String kind) {
            return objects.stream().filter(o -> o.kind().equals(kind)).toList();
        }
    }

    private Manifests() {}

    static Kustomization build(Path dir) {
        JsonNode kustomization = read(dir.resolve("kustomization.yaml")).get(0);
        List<K8sObject> objects = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<JsonNode> patches = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                Kustomization nested = build(path);
                objects.addAll(nested.objects());
                images.addAll(nested.images());
                patches.addAll(nested.patches());
            } else {
                for (JsonNode node : read(path)) {
                    objects.add(new K8sObject(
                            path.toString(),
                            node.path("kind").asText(),
                            node.path("metadata").path("name").asText(),
                            node));
                }
            }
        }
        generated(kustomization.path("configMapGenerator"), "ConfigMap", dir, objects);
        generated(kustomization.path("secretGenerator"), "Secret", dir, objects);
        kustomization
                .path("images")
                .forEach(image -> images.add(image.path("name").asText()));
        for (JsonNode patch : kustomization.path("patches")) {
            for (JsonNode node : read(dir.resolve(patch.path("path").asText()))) {
                patches.add(node);
                objects.stream()
                        .filter(o -> o.kind().equals(node.path("kind").asText())
                                && o.name()
                                        .equals(node.path("metadata")
                                                .path("name")
                                                .asText()))
                        .forEach(o -> merge((ObjectNode) o.node(), node));
            }
        }
        return new Kustomization(dir, objects, images, patches);
    }

    /** Strategic merge as far as our patches need it: maps merge, everything else is replaced. */
    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    /** A generator becomes an object with its data keys (values are not needed for the checks). */
    private static void generated(JsonNode generators, String kind, Path dir, List<K8sObject> objects) {
        for (JsonNode generator : generators) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("kind", kind);
            node.putObject("metadata").put("name", generator.path("name").asText());
            ObjectNode data = node.putObject("data");
            generator
                    .path("literals")
                    .forEach(literal -> data.put(literal.asText().split("=", 2)[0], ""));
            objects.add(new K8sObject(
                    dir.resolve("kustomization.yaml").toString(),
                    kind,
                    generator.path("name").asText(),
                    node));
        }
    }

    static List<JsonNode> read(Path file) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> nodes = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode node = documents.next();
                if (node != null && !node.isNull() && !node.isEmpty()) {
                    nodes.add(node);
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pod spec of a Deployment, Job or CronJob. */
    static JsonNode podSpec(K8sObject workload) {
        JsonNode spec = workload.node().path("spec");
        return switch (workload.kind()) {
            case "CronJob" ->
                spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
    }

    static JsonNode podLabels(K8sObject workload) {
        JsonNode spec = workload.node().path("spec");
        return "CronJob".equals(workload.kind())
                ? spec.path("jobTemplate")
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                : spec.path("template").path("metadata").path("labels");
    }
}
