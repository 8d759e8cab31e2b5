package org.activationlab.data.download;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dataset file that {@link DatasetResolver} can fetch, verify and cache.
 *
 * <p>Two kinds exist. Plain data files (MNIST) are stored uncompressed: a gzip-compressed download
 * is decompressed and the checksum is that of the uncompressed bytes, so a mirror may recompress
 * them. Archives ({@link #archive}) are stored and verified {@linkplain #verbatim() verbatim}: the
 * checksum is that of the downloaded bytes, as published (e.g. {@code cifar-10-binary.tar.gz}).
 *
 * @param dataset folder name in the cache, e.g. {@code "mnist"}
 * @param fileName name of the file in the cache, e.g. {@code "train-images-idx3-ubyte"}
 * @param mirrorPath path of the file under a mirror, {@code /}-separated, e.g.
 *     {@code "mnist/train-images-idx3-ubyte.gz"} or {@code "cifar10-jpeg.tar.gz"}
 * @param canonicalUrl where to download from when no mirror is configured, or {@code null} for a file
 *     that only data mirrors hold
 * @param sha256 hex SHA-256 (stored lower-case) of the uncompressed bytes, or of the downloaded bytes
 *     if {@code verbatim}
 * @param verbatim {@code true} to cache and verify the downloaded bytes as they are; {@code false} to
 *     decompress gzip downloads and verify the uncompressed bytes
 */
public record RemoteFile(String dataset, String fileName, String mirrorPath, URI canonicalUrl, String sha256,
                         boolean verbatim) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * Validates the fields; names and mirror path segments must be plain file names so that they
     * can escape neither the cache nor the mirror.
     */
    public RemoteFile {
        requireSafeName("dataset", dataset);
        requireSafeName("fileName", fileName);
        Objects.requireNonNull(mirrorPath, "mirrorPath");
        for (String segment : mirrorPath.split("/", -1)) {
            if (!SAFE_NAME.matcher(segment).matches()) {
                throw new IllegalArgumentException("mirrorPath must be plain file names joined by '/', got '"
                        + mirrorPath + "'");
            }
        }
        sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    "sha256 of " + fileName + " must be 64 hex digits, got '" + sha256 + "'");
        }
    }

    /**
     * A plain data file found under the mirror as {@code <dataset>/<remoteName>}, cached
     * uncompressed and verified against the SHA-256 of its uncompressed bytes.
     *
     * @param remoteName name under the mirror folder, e.g. {@code "train-images-idx3-ubyte.gz"}
     */
    public RemoteFile(String dataset, String fileName, String remoteName, URI canonicalUrl, String sha256) {
        this(dataset, fileName, dataset + "/" + requireSafeName("remoteName", remoteName),
                Objects.requireNonNull(canonicalUrl, "canonicalUrl"), sha256, false);
    }

    /**
     * An archive, cached as downloaded under {@code <dataset>/<fileName>} and verified against the
     * SHA-256 of the downloaded bytes.
     *
     * @param canonicalUrl the publisher's URL, or {@code null} if only data mirrors hold the file
     */
    public static RemoteFile archive(String dataset, String fileName, String mirrorPath, URI canonicalUrl,
                                     String sha256) {
        return new RemoteFile(dataset, fileName, mirrorPath, canonicalUrl, sha256, true);
    }

    /** The last segment of {@link #mirrorPath()}, e.g. {@code "train-images-idx3-ubyte.gz"}. */
    public String remoteName() {
        return mirrorPath.substring(mirrorPath.lastIndexOf('/') + 1);
    }

    private static String requireSafeName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!SAFE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a plain file name, got '" + value + "'");
        }
        return value;
    }
}
