package org.activationlab.data;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dataset file that {@link DatasetResolver} can fetch, verify and cache.
 *
 * @param dataset folder name, both in the cache and under a mirror, e.g. {@code "mnist"}
 * @param fileName name of the uncompressed file in the cache, e.g. {@code "train-images-idx3-ubyte"}
 * @param remoteName name under the mirror folder, e.g. {@code "train-images-idx3-ubyte.gz"}
 * @param canonicalUrl where to download from when no mirror is configured
 * @param sha256 hex SHA-256 of the uncompressed bytes (stored lower-case)
 */
public record RemoteFile(String dataset, String fileName, String remoteName, URI canonicalUrl, String sha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Validates the fields; names must be plain file names so they cannot escape the cache. */
    public RemoteFile {
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        requireSafeName("dataset", dataset);
        requireSafeName("fileName", fileName);
        requireSafeName("remoteName", remoteName);
        sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + fileName + " must be 64 hex digits, got '" + sha256 + "'");
        }
    }

    private static void requireSafeName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!SAFE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a plain file name, got '" + value + "'");
        }
    }
}
