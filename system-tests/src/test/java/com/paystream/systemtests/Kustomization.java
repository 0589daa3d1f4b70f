package com.paystream.systemtests;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * A Kustomize kustomization (deploy/kubernetes), read as {@code kubectl kustomize} builds it for the keys the
 * project uses (no kustomize runs in the build): its resources (files, and directories holding a kustomization of
 * their own), strategic-merge patches, the {@code images} and {@code replicas} it sets, and the ConfigMaps and
 * Secrets it generates. Names stay as written (no hash suffixes); {@link #KNOWN_KEYS} are the keys it understands.
 */
final class Kustomization {
    static final Set<String> KNOWN_KEYS = Set.of("apiVersion", "kind", "namespace", "labels", "resources", "images",
            "replicas", "patches", "configMapGenerator", "secretGenerator");

    /** The list items a strategic-merge patch merges by a key of theirs (Kubernetes' patchMergeKey) rather than replaces. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath", "ports", "containerPort");

    final Path directory;
    final Map<String, Object> file;

    private Kustomization(Path directory, Map<String, Object> file) {
        this.directory = directory;
        this.file = file;
    }

    static Kustomization at(Path directory) {
        return new Kustomization(directory.normalize(),
                new Yaml().load(ServiceSettings.read(directory.resolve("kustomization.yaml"))));
    }

    /** This kustomization and every one it names as a resource, depth first. */
    List<Kustomization> withBases() {
        List<Kustomization> all = new ArrayList<>(List.of(this));
        resources().stream().filter(Files::isDirectory).forEach(base -> all.addAll(at(base).withBases()));
        return all;
    }

    List<Path> resources() {
        return paths(list("resources"));
    }

    /** The files of its strategic-merge patches ({@code patches: - path:}). */
    List<Path> patchFiles() {
        return paths(maps("patches").stream().map(patch -> patch.get("path")).filter(Objects::nonNull).toList());
    }

    /** Every file its generators read, by generator name ({@code files:}, a key=file pair naming the file after '='). */
    Map<String, List<Path>> generatorFiles(String generator) {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        for (Map<String, Object> entry : maps(generator)) {
            List<Object> named = new ArrayList<>(listOf(entry.get("files")));
            named.addAll(listOf(entry.get("envs")));
            files.put(String.valueOf(entry.get("name")), named.stream()
                    .map(file -> directory.resolve(file.toString().substring(file.toString().indexOf('=') + 1)))
                    .map(Path::normalize).toList());
        }
        return files;
    }

    List<Map<String, Object>> maps(String key) {
        return list(key).stream().map(Kustomization::asMap).toList();
    }

    /** Every YAML document of a file. */
    static List<Map<String, Object>> documents(Path file) {
        return StreamSupport.stream(new Yaml().loadAll(ServiceSettings.read(file)).spliterator(), false)
                .filter(Objects::nonNull).map(Kustomization::asMap).toList();
    }

    /**
     * The objects a build of this kustomization gives (without the generated ConfigMaps and Secrets): its resources
     * and its bases' with the patches, replicas and images of each level applied, inner first.
     */
    List<Map<String, Object>> objects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path resource : resources()) {
            objects.addAll(Files.isDirectory(resource) ? at(resource).objects() : documents(resource));
        }
        for (Path patchFile : patchFiles()) {
            for (Map<String, Object> patch : documents(patchFile)) {
                objects.replaceAll(object -> sameObject(object, patch) ? strategicMerge(object, patch) : object);
            }
        }
        for (Map<String, Object> replicas : maps("replicas")) {
            objects.stream().filter(object -> Set.of("Deployment", "StatefulSet").contains(kind(object)))
                    .filter(object -> name(object).equals(replicas.get("name")))
                    .forEach(object -> asMap(object.get("spec")).put("replicas", replicas.get("count")));
        }
        for (Map<String, Object> image : maps("images")) {
            objects.forEach(object -> containers(object).forEach(container -> {
                String current = String.valueOf(container.get("image"));
                if (imageName(current).equals(image.get("name"))) {
                    container.put("image", setImage(current, image));
                }
            }));
        }
        return objects;
    }

    /** The keys of each Secret or ConfigMap a generator of this kustomization or its bases makes, by name. */
    Map<String, Set<String>> generatedKeys(String generator) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (Kustomization kustomization : withBases()) {
            for (Map<String, Object> entry : kustomization.maps(generator)) {
                Set<String> names = new LinkedHashSet<>();
                listOf(entry.get("literals")).forEach(literal -> names.add(literal.toString().split("=", 2)[0]));
                listOf(entry.get("files")).forEach(file -> names.add(file.toString().contains("=")
                        ? file.toString().split("=", 2)[0] : Path.of(file.toString()).getFileName().toString()));
                for (Object envs : listOf(entry.get("envs"))) {
                    Path env = kustomization.directory.resolve(envs.toString());
                    if (Files.exists(env)) {
                        ServiceSettings.read(env).lines().filter(line -> line.contains("=") && !line.startsWith("#"))
                                .forEach(line -> names.add(line.split("=", 2)[0]));
                    }
                }
                keys.put(String.valueOf(entry.get("name")), names);
            }
        }
        return keys;
    }

    static String kind(Map<String, Object> object) {
        return String.valueOf(object.get("kind"));
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(asMap(object.getOrDefault("metadata", Map.of())).get("name"));
    }

    /** The pod template's spec of a Deployment, StatefulSet or Job; empty for other kinds. */
    static Map<String, Object> podSpec(Map<String, Object> object) {
        if (!Set.of("Deployment", "StatefulSet", "Job").contains(kind(object))) {
            return Map.of();
        }
        return asMap(asMap(asMap(object.get("spec")).get("template")).get("spec"));
    }

    /** The containers and init containers of a workload. */
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        Map<String, Object> pod = podSpec(object);
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String key : List.of("initContainers", "containers")) {
            listOf(pod.get(key)).forEach(container -> containers.add(asMap(container)));
        }
        return containers;
    }

    /** An image reference without its tag or digest. */
    static String imageName(String image) {
        String withoutDigest = image.split("@", 2)[0];
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> listOf(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private List<Object> list(String key) {
        return listOf(file.get(key));
    }

    private List<Path> paths(List<Object> names) {
        return names.stream().map(name -> directory.resolve(name.toString()).normalize()).toList();
    }

    private static boolean sameObject(Map<String, Object> object, Map<String, Object> patch) {
        return kind(object).equals(kind(patch)) && name(object).equals(name(patch));
    }

    private static String setImage(String current, Map<String, Object> image) {
        String name = String.valueOf(image.getOrDefault("newName", imageName(current)));
        if (image.containsKey("digest")) {
            return name + "@" + image.get("digest");
        }
        String tag = image.containsKey("newTag") ? image.get("newTag").toString()
                : current.substring(imageName(current.split("@", 2)[0]).length()).replaceFirst("^:", "");
        return tag.isEmpty() ? name : name + ":" + tag;
    }

    /** Kubernetes' strategic merge, as far as these manifests use it: maps merged, keyed lists merged by key. */
    static Map<String, Object> strategicMerge(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        patch.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (existing instanceof Map && value instanceof Map) {
                merged.put(key, strategicMerge(asMap(existing), asMap(value)));
            } else if (existing instanceof List && value instanceof List && MERGE_KEYS.containsKey(key)) {
                merged.put(key, mergeByKey(listOf(existing), listOf(value), MERGE_KEYS.get(key)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static List<Object> mergeByKey(List<Object> base, List<Object> patch, String key) {
        List<Object> merged = new ArrayList<>(base);
        for (Object item : patch) {
            Object id = asMap(item).get(key);
            int at = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (Objects.equals(asMap(merged.get(i)).get(key), id)) {
                    at = i;
                }
            }
            if (at >= 0) {
                merged.set(at, strategicMerge(asMap(merged.get(at)), asMap(item)));
            } else {
                merged.add(item);
            }
        }
        return merged;
    }
}
