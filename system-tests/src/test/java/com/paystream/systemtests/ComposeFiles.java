package com.paystream.systemtests;

import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A docker-compose configuration as compose runs it: one file, or an override merged onto it as
 * {@code docker compose -f docker-compose.yml -f docker-compose.cluster.yml} merges it (mappings merged key by key,
 * a service's volumes by their path in the container, ports and the like added together, everything else replaced).
 */
record ComposeFiles(String name, Map<String, Object> configuration) {
    /** Lists compose adds together rather than replaces. */
    private static final Set<String> CONCATENATED = Set.of("ports", "expose", "dns", "dns_search", "tmpfs",
            "external_links");

    static ComposeFiles singleNode() {
        return new ComposeFiles("single node", load("docker-compose.yml"));
    }

    static ComposeFiles cluster() {
        return new ComposeFiles("three-node cluster", merge(load("docker-compose.yml"),
                load("docker-compose.cluster.yml")));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) configuration.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    /** The services that run KurrentDB. */
    Map<String, Map<String, Object>> storeNodes() {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("kurrentplatform/kurrentdb:")) {
                nodes.put(name, service);
            }
        });
        return nodes;
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map<String, Object> load(String file) {
        return new Yaml().load(ServiceSettings.read(ServiceSettings.ROOT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map && value instanceof Map) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) value));
            } else if (existing instanceof List && value instanceof List && key.equals("volumes")) {
                merged.put(key, mergeVolumes((List<Object>) existing, (List<Object>) value));
            } else if (existing instanceof List && value instanceof List && CONCATENATED.contains(key)) {
                List<Object> both = new ArrayList<>((List<Object>) existing);
                both.addAll((List<Object>) value);
                merged.put(key, both);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** A service's volumes, the override's taking the place of the base's mounted at the same path. */
    private static List<Object> mergeVolumes(List<Object> base, List<Object> override) {
        Map<String, Object> byTarget = new LinkedHashMap<>();
        for (List<Object> volumes : List.of(base, override)) {
            volumes.forEach(volume -> byTarget.put(target(volume), volume));
        }
        return new ArrayList<>(byTarget.values());
    }

    private static String target(Object volume) {
        if (volume instanceof Map<?, ?> longSyntax) {
            return String.valueOf(longSyntax.get("target"));
        }
        String[] parts = volume.toString().split(":");
        return parts.length > 1 ? parts[1] : parts[0];
    }
}
