package com.paystream.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.paystream.systemtests.Kustomization.asMap;
import static com.paystream.systemtests.Kustomization.containers;
import static com.paystream.systemtests.Kustomization.kind;
import static com.paystream.systemtests.Kustomization.listOf;
import static com.paystream.systemtests.Kustomization.name;
import static com.paystream.systemtests.Kustomization.podSpec;
import static com.paystream.systemtests.ServiceSettings.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/kubernetes cannot be applied here (no cluster): what can be checked without one is checked, on what each
 * overlay builds (its base's objects with its patches, replicas and images; {@link Kustomization}) — every file named
 * exists and parses, images are pinned, every service is probed and requests its resources, no secret is in a file,
 * every variable names a setting its program reads, disruption budgets, the three-node store, and the Secrets each
 * overlay needs are made by it (local) or documented (production).
 */
class KubernetesManifestsTest {
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Pattern CREDENTIALS = Pattern.compile("://([^:/@?]+):([^@/?]*)@");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    /** A variable that holds a secret by its name: a word PASSWORD or SECRET in it, or ending in TOKEN or KEY. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(.*_)?(PASSWORD|SECRET)(_.*)?|(.*_)?(TOKEN|KEY|CREDENTIALS)");

    @TempDir
    static Path copies;
    private static Path localWithSecrets;

    static Stream<String> overlays() {
        return Stream.of("local", "production");
    }

    private static Kustomization overlay(String name) {
        return Kustomization.at(KUBERNETES.resolve("overlays").resolve(name));
    }

    private static List<Map<String, Object>> objects(String overlay) {
        return overlay(overlay).objects();
    }

    private static List<Map<String, Object>> workloads(String overlay) {
        return objects(overlay).stream().filter(object -> !podSpec(object).isEmpty()).toList();
    }

    private static Map<String, Object> object(String overlay, String kind, String name) {
        return objects(overlay).stream().filter(object -> kind(object).equals(kind) && name(object).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + " has no " + kind + " " + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyFileAKustomizationNamesExistsAndParses(String overlay) {
        for (Kustomization kustomization : overlay(overlay).withBases()) {
            for (Path resource : kustomization.resources()) {
                if (Files.isDirectory(resource)) {
                    assertThat(resource.resolve("kustomization.yaml")).exists();
                    continue;
                }
                assertThat(resource).exists();
                assertThat(Kustomization.documents(resource)).as(resource.toString()).isNotEmpty()
                        .allSatisfy(object -> assertThat(object).as(resource.toString())
                                .containsKeys("apiVersion", "kind", "metadata"));
            }
            for (Path patch : kustomization.patchFiles()) {
                assertThat(Kustomization.documents(patch)).as(patch.toString()).isNotEmpty()
                        .allSatisfy(object -> assertThat(object).as(patch.toString()).containsKeys("kind", "metadata"));
            }
            kustomization.generatorFiles("configMapGenerator").values().stream().flatMap(List::stream)
                    .forEach(file -> assertThat(file).exists());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyKustomizationUsesOnlyWhatTheseChecksRead(String overlay) {
        for (Kustomization kustomization : overlay(overlay).withBases()) {
            assertThat(kustomization.file.keySet()).as(kustomization.directory.toString())
                    .isSubsetOf(Kustomization.KNOWN_KEYS);
            assertThat(kustomization.maps("patches")).as(kustomization.directory + ": patches are files")
                    .allSatisfy(patch -> assertThat(patch.keySet()).containsOnly("path"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPatchChangesAnObjectItsBasesHave(String overlay) {
        for (Kustomization kustomization : overlay(overlay).withBases()) {
            List<Map<String, Object>> underneath = new ArrayList<>();
            kustomization.resources().forEach(resource -> underneath.addAll(Files.isDirectory(resource)
                    ? Kustomization.at(resource).objects() : Kustomization.documents(resource)));
            for (Path patch : kustomization.patchFiles()) {
                Kustomization.documents(patch).forEach(change -> assertThat(underneath).as(patch.toString())
                        .anySatisfy(object -> assertThat(kind(object) + "/" + name(object))
                                .isEqualTo(kind(change) + "/" + name(change))));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsPinnedToAVersion(String overlay) {
        List<String> images = workloads(overlay).stream().flatMap(object -> containers(object).stream())
                .map(container -> String.valueOf(container.get("image"))).toList();

        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image).satisfiesAnyOf(
                pinned -> assertThat(pinned).matches(".+@sha256:[0-9a-f]{64}"),
                pinned -> assertThat(pinned.substring(Kustomization.imageName(pinned).length()))
                        .matches(":[A-Za-z0-9_][A-Za-z0-9_.-]*").isNotEqualTo(":latest")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theProjectsOwnImagesTakeTheirVersionFromTheOverlay(String overlay) {
        Set<String> ownImages = new LinkedHashSet<>();
        Kustomization.at(KUBERNETES.resolve("base")).objects().forEach(object -> containers(object).stream()
                .map(container -> String.valueOf(container.get("image"))).filter(image -> image.startsWith("paystream/"))
                .forEach(ownImages::add));
        Map<String, Map<String, Object>> setByOverlay = new LinkedHashMap<>();
        overlay(overlay).maps("images").forEach(image -> setByOverlay.put(String.valueOf(image.get("name")), image));

        assertThat(ownImages).isNotEmpty().allSatisfy(image -> {
            assertThat(image).as("the base leaves the version to the overlay").doesNotContain(":");
            assertThat(setByOverlay.get(image)).as(image).isNotNull().satisfiesAnyOf(
                    set -> assertThat(set).containsKey("digest"),
                    set -> assertThat(String.valueOf(set.get("newTag"))).isNotIn("null", "latest", ""));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceContainerHasReadinessAndLivenessProbes(String overlay) {
        List<Map<String, Object>> serving = workloads(overlay).stream().flatMap(object -> containers(object).stream())
                .filter(container -> container.containsKey("ports")).toList();

        assertThat(serving).hasSizeGreaterThanOrEqualTo(7).allSatisfy(container -> assertThat(container)
                .as(String.valueOf(container.get("name"))).containsKeys("readinessProbe", "livenessProbe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyQuarkusProgramIsProbedOnItsHealthEndpoints(String overlay) {
        for (String module : ServiceSettings.QUARKUS_MODULES) {
            Map<String, Object> container = container(overlay, module);
            Set<Object> ports = new LinkedHashSet<>();
            listOf(container.get("ports")).forEach(port -> ports.add(asMap(port).get("name")));

            assertThat(probe(container, "readinessProbe")).as(module).containsEntry("path", "/q/health/ready");
            assertThat(probe(container, "livenessProbe")).as(module).containsEntry("path", "/q/health/live");
            assertThat(ports).as(module).contains(probe(container, "readinessProbe").get("port"),
                    probe(container, "livenessProbe").get("port"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyQuarkusPodIsGivenMoreTimeToStopThanItsGracefulShutdownTakes(String overlay) {
        for (String module : ServiceSettings.QUARKUS_MODULES) {
            Map<String, Object> workload = object(overlay, "Deployment", module);
            Map<String, Object> environment = values(container(overlay, module));
            Duration bound = setting(module, environment, "quarkus.shutdown.delay")
                    .plus(setting(module, environment, "quarkus.shutdown.timeout"));
            if (ServiceSettings.STORE_CLIENTS.contains(module)) {
                bound = bound.plus(setting(module, environment, "eventstore.subscriptions.drain-timeout"));
            }

            assertThat(environment).as(module).containsKeys("QUARKUS_SHUTDOWN_DELAY", "QUARKUS_SHUTDOWN_TIMEOUT");
            assertThat(Duration.ofSeconds(((Number) podSpec(workload).get("terminationGracePeriodSeconds")).longValue()))
                    .as(module).isGreaterThan(bound);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerRequestsCpuAndMemory(String overlay) {
        List<Map<String, Object>> all = workloads(overlay).stream().flatMap(object -> containers(object).stream())
                .toList();

        assertThat(all).isNotEmpty().allSatisfy(container -> assertThat(asMap(asMap(container.get("resources"))
                .get("requests"))).as(String.valueOf(container.get("name"))).containsKeys("cpu", "memory"));
    }

    @Test
    void noSecretIsWrittenIntoAManifest() throws IOException {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            List<Path> manifests = files.filter(file -> file.toString().endsWith(".yaml")).toList();

            assertThat(manifests).isNotEmpty().allSatisfy(manifest -> assertThat(Kustomization.documents(manifest))
                    .as(manifest.toString()).noneSatisfy(object -> assertThat(kind(object)).isEqualTo("Secret")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noEnvironmentVariableHoldsASecretInPlainText(String overlay) {
        for (Map<String, Object> container : allContainers(overlay)) {
            Map<String, Map<String, Object>> fromSecrets = new LinkedHashMap<>();
            for (Object item : listOf(container.get("env"))) {
                Map<String, Object> variable = asMap(item);
                String name = String.valueOf(variable.get("name"));
                String where = container.get("name") + ": " + name;
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(asMap(variable.get("valueFrom"))).as(where).containsKey("secretKeyRef");
                }
                Matcher credentials = CREDENTIALS.matcher(String.valueOf(variable.getOrDefault("value", "")));
                if (credentials.find()) {
                    Matcher reference = REFERENCE.matcher(credentials.group(2));
                    assertThat(reference.matches()).as(where + ": its password is a $(VARIABLE)").isTrue();
                    assertThat(fromSecrets).as(where + ": " + reference.group(1) + " comes before it from a Secret")
                            .containsKey(reference.group(1));
                }
                if (asMap(variable.get("valueFrom")).containsKey("secretKeyRef")) {
                    fromSecrets.put(name, variable);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void secretsAreGeneratedOnlyFromFilesGitIgnores(String overlay) {
        for (Kustomization kustomization : overlay(overlay).withBases()) {
            Path gitignore = kustomization.directory.resolve(".gitignore");
            List<String> ignored = Files.exists(gitignore) ? ServiceSettings.read(gitignore).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList() : List.of();
            assertThat(kustomization.maps("secretGenerator")).allSatisfy(generator -> assertThat(generator)
                    .as(kustomization.directory + ": " + generator.get("name")).doesNotContainKey("literals"));
            kustomization.generatorFiles("secretGenerator").values().stream().flatMap(List::stream)
                    .forEach(file -> assertThat(ignored).as(file + " is git-ignored").anySatisfy(pattern ->
                            assertThat(kustomization.directory.relativize(file).toString()).startsWith(pattern)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServicesEnvironmentVariableNamesASettingOfThatService(String overlay) {
        for (String module : ServiceSettings.QUARKUS_MODULES) {
            Map<String, Object> container = container(overlay, module);
            Set<String> known = new LinkedHashSet<>(ServiceSettings.environmentNamesOf(module));
            known.addAll(referencedVariables(container));

            assertThat(environmentNames(container)).as(module).isNotEmpty().isSubsetOf(known);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySeederEnvironmentVariableIsOneTheSeederReadsOrItsCommandUses(String overlay) {
        List<Map<String, Object>> seeders = allContainers(overlay).stream()
                .filter(container -> String.valueOf(container.get("image")).contains("paystream/data-seeder")).toList();

        assertThat(seeders).isNotEmpty().allSatisfy(container -> {
            String command = String.valueOf(container.get("command")) + container.get("args");
            Set<String> referenced = referencedVariables(container);
            assertThat(environmentNames(container)).as(String.valueOf(container.get("name"))).allSatisfy(name ->
                    assertThat(ServiceSettings.seederReads(name) || referenced.contains(name)
                            || command.matches("(?s).*\\$" + name + "\\b.*")).as(name).isTrue());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keycloaksEnvironmentNamesAKeycloakOptionOrAPlaceholderOfTheRealm(String overlay) {
        String realm = ServiceSettings.read(ROOT.resolve("keycloak/realm-paystream.json"));

        assertThat(environmentNames(container(overlay, "keycloak"))).isNotEmpty().allSatisfy(name ->
                assertThat(name.startsWith("KC_") || name.startsWith("JAVA_OPTS_KC_") || realm.contains("${" + name))
                        .as(name).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keycloakImportsTheRealmFileOfTheRepository(String overlay) {
        Map<String, Object> keycloak = object(overlay, "Deployment", "keycloak");
        Map<String, Object> container = container(overlay, "keycloak");
        String volume = listOf(podSpec(keycloak).get("volumes")).stream().map(Kustomization::asMap)
                .filter(item -> "keycloak-realm".equals(asMap(item.get("configMap")).get("name")))
                .map(item -> String.valueOf(item.get("name"))).findFirst().orElseThrow();
        Map<String, List<Path>> realmFiles = new LinkedHashMap<>();
        overlay(overlay).withBases().forEach(kustomization ->
                realmFiles.putAll(kustomization.generatorFiles("configMapGenerator")));

        assertThat(realmFiles.get("keycloak-realm")).containsExactly(ROOT.resolve("keycloak/realm-paystream.json"));
        assertThat(listOf(container.get("volumeMounts"))).anySatisfy(mount -> assertThat(asMap(mount))
                .containsEntry("name", volume).containsEntry("mountPath", "/opt/keycloak/data/import"));
        assertThat(listOf(container.get("args"))).contains("--import-realm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadOfMoreThanOneReplicaHasADisruptionBudget(String overlay) {
        List<Map<String, Object>> objects = objects(overlay);
        List<Map<String, Object>> budgets = objects.stream().filter(object -> kind(object).equals("PodDisruptionBudget"))
                .toList();

        objects.stream().filter(object -> Set.of("Deployment", "StatefulSet").contains(kind(object)))
                .filter(object -> ((Number) asMap(object.get("spec")).getOrDefault("replicas", 1)).intValue() > 1)
                .forEach(workload -> {
                    Map<String, Object> labels = asMap(asMap(asMap(asMap(workload.get("spec")).get("template"))
                            .get("metadata")).get("labels"));
                    assertThat(budgets).as(name(workload)).anySatisfy(budget -> assertThat(labels).containsAllEntriesOf(
                            asMap(asMap(asMap(budget.get("spec")).get("selector")).get("matchLabels"))));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theStoreIsAThreeNodeKurrentDbStatefulSetBehindAHeadlessService(String overlay) {
        Map<String, Object> store = object(overlay, "StatefulSet", "kurrentdb");
        Map<String, Object> spec = asMap(store.get("spec"));
        Map<String, Object> service = object(overlay, "Service", String.valueOf(spec.get("serviceName")));

        assertThat(spec).containsEntry("replicas", 3).containsKey("volumeClaimTemplates");
        assertThat(asMap(service.get("spec"))).containsEntry("clusterIP", "None")
                .containsEntry("publishNotReadyAddresses", true);
        assertThat(String.valueOf(container(overlay, "kurrentdb").get("image")))
                .startsWith("kurrentplatform/kurrentdb:26.0.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theStoreNodesFindEachOtherThroughTheHeadlessServiceOverTls(String overlay) {
        String service = String.valueOf(asMap(object(overlay, "StatefulSet", "kurrentdb").get("spec")).get("serviceName"));
        Map<String, Object> environment = values(container(overlay, "kurrentdb"));

        assertThat(environment).containsEntry("KURRENTDB_CLUSTER_SIZE", "3")
                .containsEntry("KURRENTDB_DISCOVER_VIA_DNS", "true").containsEntry("KURRENTDB_CLUSTER_DNS", service)
                .containsEntry("KURRENTDB_NODE_HOST_ADVERTISE_AS", "$(POD_NAME)." + service)
                .doesNotContainKey("KURRENTDB_INSECURE")
                .containsKeys("KURRENTDB_CERTIFICATE_FILE", "KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE",
                        "KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH");
        assertThat(String.valueOf(environment.get("KURRENTDB_CERTIFICATE_FILE"))).contains("$(POD_NAME)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyStoreClientDiscoversTheClusterOverTlsTrustingTheClustersCa(String overlay) {
        String service = String.valueOf(asMap(object(overlay, "StatefulSet", "kurrentdb").get("spec")).get("serviceName"));
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        workloads(overlay).forEach(workload -> containers(workload).forEach(container -> {
            if (values(container).containsKey("EVENTSTORE_CONNECTION_STRING")) {
                clients.put(name(workload), container);
            }
        }));

        assertThat(clients.keySet()).containsAll(ServiceSettings.STORE_CLIENTS).contains("store-setup", "parked-grants");
        clients.forEach((name, container) -> {
            String connection = String.valueOf(values(container).get("EVENTSTORE_CONNECTION_STRING"));
            Matcher credentials = CREDENTIALS.matcher(connection);
            assertThat(credentials.find()).as(name).isTrue();
            assertThat(credentials.group(1)).as(name).isIn(name, "admin");
            assertThat(connection).as(name).startsWith("kurrentdb+discover://")
                    .contains("@" + service + ":2113?").contains("tls=true&tlsCAFile=/certs/ca/ca.crt");
            Map<String, Object> workload = workloads(overlay).stream().filter(w -> name(w).equals(name)).findFirst()
                    .orElseThrow();
            String caVolume = listOf(podSpec(workload).get("volumes")).stream().map(Kustomization::asMap)
                    .filter(volume -> "kurrentdb-ca".equals(asMap(volume.get("secret")).get("secretName")))
                    .map(volume -> String.valueOf(volume.get("name"))).findFirst().orElse("none");
            assertThat(listOf(container.get("volumeMounts"))).as(name).anySatisfy(mount -> assertThat(asMap(mount))
                    .containsEntry("name", caVolume).containsEntry("mountPath", "/certs/ca"));
        });
    }

    @Test
    void everySecretTheProductionOverlayNeedsIsOneTheDocsSayHowToCreate() {
        String docs = ServiceSettings.read(ROOT.resolve("docs/deployment.md"));
        Map<String, Set<String>> needed = secretsNeeded(objects("production"));

        assertThat(needed).isNotEmpty().allSatisfy((secret, keys) -> {
            Matcher command = Pattern.compile("create secret (generic|tls) " + Pattern.quote(secret)
                    + "\\b(?:(?!create secret)[\\s\\S])*").matcher(docs);
            assertThat(command.find()).as("docs/deployment.md creates the Secret " + secret).isTrue();
            assertThat(keys).allSatisfy(key -> assertThat(command.group()).as(secret + " " + key)
                    .containsPattern("--from-(literal|file)=" + Pattern.quote(key) + "="));
        });
    }

    @Test
    void theLocalOverlayGeneratesEverySecretAndConfigMapItsObjectsNeedWithTheirKeys() throws Exception {
        Kustomization local = Kustomization.at(localWithSecrets().resolve("deploy/kubernetes/overlays/local"));
        List<Map<String, Object>> objects = local.objects();
        Map<String, Set<String>> secrets = local.generatedKeys("secretGenerator");
        Map<String, Set<String>> configMaps = local.generatedKeys("configMapGenerator");

        assertThat(local.generatorFiles("secretGenerator").values().stream().flatMap(List::stream))
                .allSatisfy(file -> assertThat(file).isNotEmptyFile());
        secretsNeeded(objects).forEach((secret, keys) ->
                assertThat(secrets.get(secret)).as("the Secret " + secret).isNotNull().containsAll(keys));
        configMapsNeeded(objects).forEach((configMap, keys) ->
                assertThat(configMaps.get(configMap)).as("the ConfigMap " + configMap).isNotNull().containsAll(keys));
    }

    @Test
    void theLocalSecretsGiveEachStoreNodeACertificateOfItsNamesFromTheClustersCa() throws Exception {
        Path certificates = localWithSecrets().resolve("deploy/kubernetes/overlays/local/secrets/certificates");
        X509Certificate ca = certificate(certificates.resolve("ca.crt"));
        Set<String> commonNames = new LinkedHashSet<>();

        for (int node = 0; node < 3; node++) {
            X509Certificate certificate = certificate(certificates.resolve("kurrentdb-" + node + ".crt"));
            List<String> names = new ArrayList<>();
            certificate.getSubjectAlternativeNames().forEach(name -> names.add(String.valueOf(name.get(1))));
            certificate.verify(ca.getPublicKey());
            commonNames.add(certificate.getSubjectX500Principal().getName());

            assertThat(names).as("kurrentdb-" + node).contains("kurrentdb-" + node + ".kurrentdb", "kurrentdb");
            assertThat(certificate.getExtendedKeyUsage()).as("kurrentdb-" + node)
                    .contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        }
        assertThat(commonNames).as("the nodes know each other by one common name").hasSize(1);
    }

    @Test
    void inTheLocalOverlayAsKustomizeBuildsItEveryReferenceNamesAnObjectItHolds() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed: its kustomize is not run");
        Process build = new ProcessBuilder("kubectl", "kustomize",
                localWithSecrets().resolve("deploy/kubernetes/overlays/local").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = build.getInputStream().readAllBytes();
        assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();
        List<Map<String, Object>> built = new ArrayList<>();
        try (InputStream yaml = new ByteArrayInputStream(output)) {
            new org.yaml.snakeyaml.Yaml().loadAll(yaml).forEach(object -> built.add(asMap(object)));
        }
        Set<String> held = new LinkedHashSet<>();
        built.forEach(object -> held.add(kind(object) + "/" + name(object)));

        secretsNeeded(built).keySet().forEach(secret -> assertThat(held).contains("Secret/" + secret));
        configMapsNeeded(built).keySet().forEach(configMap -> assertThat(held).contains("ConfigMap/" + configMap));
    }

    /** A copy of deploy/ and keycloak/ with the local overlay's secrets made by its make-secrets.sh (once). */
    private static synchronized Path localWithSecrets() throws IOException, InterruptedException {
        if (localWithSecrets == null) {
            assumeTrue(onPath("openssl"), "openssl is not installed: make-secrets.sh cannot run");
            Path copy = copies.resolve("repository");
            for (Path folder : List.of(KUBERNETES, ROOT.resolve("keycloak"))) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(file -> !file.toString().contains("/secrets/")).toList()) {
                        Path target = copy.resolve(ROOT.relativize(file));
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Process script = new ProcessBuilder("bash",
                    copy.resolve("deploy/kubernetes/overlays/local/make-secrets.sh").toString())
                    .redirectErrorStream(true).start();
            String said = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(script.exitValue()).as(said).isZero();
            localWithSecrets = copy;
        }
        return localWithSecrets;
    }

    /** The Secrets the objects use, by name, with the keys they read of each. */
    private static Map<String, Set<String>> secretsNeeded(List<Map<String, Object>> objects) {
        Map<String, Set<String>> needed = needed(objects, "secretKeyRef", "secret", "secretName");
        for (Map<String, Object> object : objects) {
            if (kind(object).equals("Ingress")) {
                listOf(asMap(object.get("spec")).get("tls")).forEach(tls -> needed.computeIfAbsent(
                        String.valueOf(asMap(tls).get("secretName")), name -> new LinkedHashSet<>()));
            }
            if (kind(object).equals("StatefulSet")) {
                podFiles(object).forEach((secret, files) -> needed.get(secret).addAll(files));
            }
        }
        return needed;
    }

    /** The ConfigMaps the objects use, by name, with the keys they read of each. */
    private static Map<String, Set<String>> configMapsNeeded(List<Map<String, Object>> objects) {
        return needed(objects, "configMapKeyRef", "configMap", "name");
    }

    /**
     * What the objects' containers read from Secrets or ConfigMaps ({@code valueFrom.<reference>}) and what their pods
     * mount ({@code volumes[].<volume>.<nameKey>}, with the {@code items} they pick): by name, the keys of each.
     */
    private static Map<String, Set<String>> needed(List<Map<String, Object>> objects, String reference, String volume,
                                                   String nameKey) {
        Map<String, Set<String>> needed = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            containers(object).forEach(container -> listOf(container.get("env")).forEach(variable -> {
                Map<String, Object> from = asMap(asMap(asMap(variable).get("valueFrom")).get(reference));
                if (!from.isEmpty()) {
                    needed.computeIfAbsent(String.valueOf(from.get("name")), name -> new LinkedHashSet<>())
                            .add(String.valueOf(from.get("key")));
                }
            }));
            listOf(podSpec(object).get("volumes")).forEach(item -> {
                Map<String, Object> mounted = asMap(asMap(item).get(volume));
                if (!mounted.isEmpty()) {
                    Set<String> keys = needed.computeIfAbsent(String.valueOf(mounted.get(nameKey)),
                            name -> new LinkedHashSet<>());
                    listOf(mounted.get("items")).forEach(key -> keys.add(String.valueOf(asMap(key).get("key"))));
                }
            });
        }
        return needed;
    }

    /**
     * The files of a StatefulSet's Secret volumes its containers name per pod ({@code /certs/node/$(POD_NAME).crt}):
     * the keys each of its pods needs, by Secret.
     */
    private static Map<String, Set<String>> podFiles(Map<String, Object> statefulSet) {
        Map<String, String> secretVolumes = new LinkedHashMap<>();
        listOf(podSpec(statefulSet).get("volumes")).stream().map(Kustomization::asMap)
                .filter(volume -> volume.containsKey("secret")).forEach(volume -> secretVolumes.put(
                        String.valueOf(volume.get("name")), String.valueOf(asMap(volume.get("secret")).get("secretName"))));
        int replicas = ((Number) asMap(statefulSet.get("spec")).get("replicas")).intValue();
        Map<String, Set<String>> files = new LinkedHashMap<>();
        for (Map<String, Object> container : containers(statefulSet)) {
            for (Object value : values(container).values()) {
                String path = String.valueOf(value);
                listOf(container.get("volumeMounts")).stream().map(Kustomization::asMap)
                        .filter(mount -> secretVolumes.containsKey(String.valueOf(mount.get("name"))))
                        .filter(mount -> path.contains("$(POD_NAME)") && path.startsWith(mount.get("mountPath") + "/"))
                        .forEach(mount -> {
                            String file = path.substring(String.valueOf(mount.get("mountPath")).length() + 1);
                            for (int pod = 0; pod < replicas; pod++) {
                                files.computeIfAbsent(secretVolumes.get(String.valueOf(mount.get("name"))),
                                        secret -> new LinkedHashSet<>())
                                        .add(file.replace("$(POD_NAME)", name(statefulSet) + "-" + pod));
                            }
                        });
            }
        }
        return files;
    }


    private static List<Map<String, Object>> allContainers(String overlay) {
        return workloads(overlay).stream().flatMap(object -> containers(object).stream()).toList();
    }

    private static Map<String, Object> container(String overlay, String name) {
        return allContainers(overlay).stream().filter(container -> name.equals(container.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no container " + name));
    }

    private static Map<String, Object> probe(Map<String, Object> container, String probe) {
        return asMap(asMap(container.get(probe)).get("httpGet"));
    }

    private static List<String> environmentNames(Map<String, Object> container) {
        return listOf(container.get("env")).stream().map(variable -> String.valueOf(asMap(variable).get("name")))
                .toList();
    }

    /** The plain values of a container's environment (a variable from a Secret or ConfigMap maps to null). */
    private static Map<String, Object> values(Map<String, Object> container) {
        Map<String, Object> values = new LinkedHashMap<>();
        listOf(container.get("env")).forEach(variable -> values.put(String.valueOf(asMap(variable).get("name")),
                asMap(variable).get("value")));
        return values;
    }

    /** The variables a container's other variables name as {@code $(NAME)} (Kubernetes expands them). */
    private static Set<String> referencedVariables(Map<String, Object> container) {
        Set<String> referenced = new LinkedHashSet<>();
        Collection<Object> values = values(container).values();
        values.forEach(value -> {
            Matcher reference = REFERENCE.matcher(String.valueOf(value));
            while (reference.find()) {
                referenced.add(reference.group(1));
            }
        });
        return referenced;
    }

    /**
     * A duration setting of a module as it runs in the container: its environment variable, else its
     * application.properties or infrastructure's, else the default infrastructure's configuration declares.
     */
    private static Duration setting(String module, Map<String, Object> environment, String key) {
        String variable = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        String value = environment.containsKey(variable) ? String.valueOf(environment.get(variable))
                : ServiceSettings.value(module, key).orElseThrow(() -> new AssertionError(module + " has no " + key));
        Matcher duration = Pattern.compile("(\\d+)(ms|s|m)").matcher(value);
        assertThat(duration.matches()).as(key + "=" + value).isTrue();
        long amount = Long.parseLong(duration.group(1));
        return switch (duration.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static X509Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream pem = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
