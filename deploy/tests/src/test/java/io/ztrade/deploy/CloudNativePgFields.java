package io.ztrade.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CloudNativePG ({@code postgresql.cnpg.io/v1}) publishes no Java model and its CRDs are not
 * available from the package registries this build uses, so its resources get the closest check
 * that can be made here: every field must be one of the API's fields (transcribed from the
 * CloudNativePG 1.25 API reference, for the parts of {@code Cluster} and {@code ScheduledBackup} a
 * Ztrade manifest may use), and the few values with a format in the CRD must match it. Free-form
 * maps (labels, annotations, {@code postgresql.parameters}, resources) accept any key.
 */
final class CloudNativePgFields {

    private static final Set<String> CLUSTER = Set.of(
            "spec.description", "spec.imageName", "spec.imagePullPolicy", "spec.instances", "spec.minSyncReplicas",
            "spec.maxSyncReplicas", "spec.primaryUpdateStrategy", "spec.primaryUpdateMethod", "spec.enableSuperuserAccess",
            "spec.superuserSecret.name", "spec.logLevel", "spec.startDelay", "spec.stopDelay", "spec.switchoverDelay",
            "spec.failoverDelay", "spec.smartShutdownTimeout", "spec.enablePDB", "spec.priorityClassName",
            "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner", "spec.bootstrap.initdb.secret.name",
            "spec.bootstrap.initdb.encoding", "spec.bootstrap.initdb.localeCollate", "spec.bootstrap.initdb.localeCType",
            "spec.bootstrap.initdb.dataChecksums", "spec.bootstrap.initdb.postInitApplicationSQL[]",
            "spec.bootstrap.recovery.source", "spec.bootstrap.recovery.database", "spec.bootstrap.recovery.owner",
            "spec.bootstrap.recovery.secret.name", "spec.bootstrap.recovery.backup.name",
            "spec.bootstrap.recovery.recoveryTarget.targetTime", "spec.bootstrap.recovery.recoveryTarget.targetLSN",
            "spec.bootstrap.recovery.recoveryTarget.targetXID", "spec.bootstrap.recovery.recoveryTarget.targetName",
            "spec.bootstrap.recovery.recoveryTarget.targetImmediate", "spec.bootstrap.recovery.recoveryTarget.exclusive",
            "spec.bootstrap.recovery.recoveryTarget.backupID",
            "spec.postgresql.parameters.*", "spec.postgresql.pg_hba[]", "spec.postgresql.shared_preload_libraries[]",
            "spec.storage.size", "spec.storage.storageClass", "spec.storage.resizeInUseVolumes", "spec.storage.pvcTemplate.*",
            "spec.walStorage.size", "spec.walStorage.storageClass", "spec.walStorage.resizeInUseVolumes",
            "spec.walStorage.pvcTemplate.*", "spec.resources.requests.*", "spec.resources.limits.*", "spec.affinity.*",
            "spec.topologySpreadConstraints[].*", "spec.monitoring.enablePodMonitor", "spec.monitoring.disableDefaultQueries",
            "spec.monitoring.customQueriesConfigMap[].name", "spec.monitoring.customQueriesConfigMap[].key",
            "spec.backup.retentionPolicy", "spec.backup.target", "spec.backup.volumeSnapshot.*",
            "spec.backup.barmanObjectStore.destinationPath", "spec.backup.barmanObjectStore.endpointURL",
            "spec.backup.barmanObjectStore.serverName", "spec.backup.barmanObjectStore.endpointCA.name",
            "spec.backup.barmanObjectStore.endpointCA.key",
            "spec.backup.barmanObjectStore.s3Credentials.accessKeyId.name",
            "spec.backup.barmanObjectStore.s3Credentials.accessKeyId.key",
            "spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.name",
            "spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.key",
            "spec.backup.barmanObjectStore.s3Credentials.region.name", "spec.backup.barmanObjectStore.s3Credentials.region.key",
            "spec.backup.barmanObjectStore.s3Credentials.inheritFromIAMRole",
            "spec.backup.barmanObjectStore.wal.compression", "spec.backup.barmanObjectStore.wal.encryption",
            "spec.backup.barmanObjectStore.wal.maxParallel", "spec.backup.barmanObjectStore.data.compression",
            "spec.backup.barmanObjectStore.data.encryption", "spec.backup.barmanObjectStore.data.jobs",
            "spec.backup.barmanObjectStore.data.immediateCheckpoint", "spec.backup.barmanObjectStore.tags.*",
            "spec.externalClusters[].name", "spec.externalClusters[].barmanObjectStore.*",
            "spec.externalClusters[].connectionParameters.*");

    private static final Set<String> SCHEDULED_BACKUP = Set.of(
            "spec.schedule", "spec.suspend", "spec.immediate", "spec.cluster.name", "spec.backupOwnerReference",
            "spec.target", "spec.method", "spec.online");

    private static final Set<String> METADATA = Set.of("metadata.name", "metadata.namespace", "metadata.labels.*",
            "metadata.annotations.*", "apiVersion", "kind");

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", CLUSTER, "postgresql.cnpg.io/v1/ScheduledBackup", SCHEDULED_BACKUP);

    /** Formats the CRDs give (retention: "^[1-9][0-9]*[dwm]$"; schedule: six-field cron, seconds first). */
    private static final Map<String, Pattern> FORMATS = Map.of(
            "spec.backup.retentionPolicy", Pattern.compile("[1-9][0-9]*[dwm]"),
            "spec.schedule", Pattern.compile("\\S+( \\S+){5}"),
            "spec.primaryUpdateStrategy", Pattern.compile("unsupervised|supervised"),
            "spec.backup.barmanObjectStore.wal.compression", Pattern.compile("gzip|bzip2|snappy|lz4|xz|zstd"),
            "spec.backup.barmanObjectStore.data.compression", Pattern.compile("gzip|bzip2|snappy|lz4|xz|zstd"),
            "spec.backupOwnerReference", Pattern.compile("none|self|cluster"));

    private CloudNativePgFields() {}

    static boolean covers(String apiVersionKind) {
        return FIELDS.containsKey(apiVersionKind);
    }

    static void check(String where, String apiVersionKind, JsonNode doc, List<String> problems) {
        Set<String> allowed = FIELDS.get(apiVersionKind);
        walk(doc, "", allowed, where, problems);
        JsonNode instances = doc.at("/spec/instances");
        if (!instances.isMissingNode() && (!instances.isInt() || instances.asInt() < 1)) {
            problems.add(where + ": spec.instances must be an integer of at least 1");
        }
    }

    private static void walk(JsonNode node, String path, Set<String> allowed, String where, List<String> problems) {
        if (isFree(path, allowed)) {
            return;
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String p = path.isEmpty() ? name : path + "." + name;
                if (!known(p, allowed)) {
                    problems.add(where + ": " + p + ": not a field of " + where.replaceAll("#.*", "") + "'s kind in CloudNativePG's API");
                } else {
                    walk(node.get(name), p, allowed, where, problems);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, path + "[]", allowed, where, problems));
        } else {
            Pattern format = FORMATS.get(path);
            if (format != null && !format.matcher(node.asText()).matches()) {
                problems.add(where + ": " + path + ": '" + node.asText() + "' does not match " + format.pattern());
            }
        }
    }

    private static boolean isFree(String path, Set<String> allowed) {
        return !path.isEmpty() && (allowed.contains(path + ".*") || METADATA.contains(path + ".*"));
    }

    private static boolean known(String path, Set<String> allowed) {
        for (Set<String> set : List.of(allowed, METADATA)) {
            for (String a : set) {
                if (a.equals(path) || a.startsWith(path + ".") || a.startsWith(path + "[]")) {
                    return true;
                }
            }
        }
        return false;
    }
}
