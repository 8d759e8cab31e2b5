package org.activationlab.data.download;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.activationlab.data.archive.TarExtractor;

/**
 * Finds dataset files in a local cache, fetching and verifying them from a mirror or their
 * canonical URL when they are missing.
 *
 * <p>A mirror is a base location holding each file at its {@link RemoteFile#mirrorPath()}, usually in
 * a folder per dataset, e.g. {@code <mirror>/mnist/train-images-idx3-ubyte.gz}, but also e.g.
 * {@code <mirror>/cifar10-jpeg.tar.gz}. It may be a {@code file:}, {@code http:} or {@code https:}
 * URL, or a filesystem path (relative paths resolve against the working directory). Cached files are
 * stored as {@code <cache>/<dataset>/<fileName>} (uncompressed, except {@linkplain RemoteFile#verbatim()
 * verbatim} archives) and are only ever created by an atomic rename of a fully written,
 * checksum-verified temporary file, so concurrent runs and interrupted downloads never leave a partial
 * file under the final name.
 */
public final class DatasetResolver {

    /** System property naming the cache directory. */
    public static final String CACHE_PROPERTY = "activationlab.cache";
    /** Environment variable naming the cache directory, used if the property is unset. */
    public static final String CACHE_ENV = "ACTIVATIONLAB_CACHE";
    /** System property naming the mirror. */
    public static final String MIRROR_PROPERTY = "activationlab.mirror";
    /** Environment variable naming the mirror, used if the property is unset. */
    public static final String MIRROR_ENV = "ACTIVATIONLAB_MIRROR";

    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int BUFFER_SIZE = 1 << 16;

    private final Path cacheDir;
    private final URI mirror;

    private DatasetResolver(Path cacheDir, URI mirror) {
        this.cacheDir = cacheDir;
        this.mirror = mirror;
    }

    /**
     * Creates a resolver. Each argument may be {@code null} (or blank) to fall back, in order, to
     * the system property, the environment variable and the default: {@code ~/.cache/activation-lab}
     * for the cache, canonical download URLs (no mirror) for the mirror.
     *
     * @param cacheDir explicit cache directory, or {@code null}
     * @param mirror explicit mirror as a {@code file:}/{@code http(s):} URL or a path, or {@code null}
     * @throws IllegalArgumentException if the mirror is not a supported URL or path
     */
    public static DatasetResolver create(Path cacheDir, String mirror) {
        return create(cacheDir, mirror, System::getProperty, System::getenv);
    }

    /** A resolver configured only from system properties, environment variables and defaults. */
    public static DatasetResolver fromEnvironment() {
        return create(null, null);
    }

    /**
     * Like {@link #create(Path, String)}, but reading system properties and environment variables
     * through the given lookups, so a caller (e.g. a test) can supply its own configuration.
     */
    public static DatasetResolver create(Path cacheDir, String mirror, UnaryOperator<String> properties,
                                  UnaryOperator<String> environment) {
        Path cache = cacheDir;
        if (cache == null) {
            String configured = firstNonBlank(properties.apply(CACHE_PROPERTY), environment.apply(CACHE_ENV));
            cache = configured != null
                    ? Path.of(configured)
                    : Path.of(properties.apply("user.home"), ".cache", "activation-lab");
        }
        String mirrorSpec = firstNonBlank(mirror, properties.apply(MIRROR_PROPERTY), environment.apply(MIRROR_ENV));
        return new DatasetResolver(cache.toAbsolutePath().normalize(),
                mirrorSpec == null ? null : parseMirror(mirrorSpec.strip()));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static URI parseMirror(String spec) {
        Matcher scheme = URL_SCHEME.matcher(spec);
        // A one-letter "scheme" is a Windows drive letter, hence the 2+ characters in the pattern.
        if (!scheme.find()) {
            return withTrailingSlash(Path.of(spec).toAbsolutePath().normalize().toUri());
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("file") && !name.equals("http") && !name.equals("https")) {
            throw new IllegalArgumentException("unsupported data mirror '" + spec + "': use a file:, http: or"
                    + " https: URL, or a filesystem path");
        }
        URI uri;
        try {
            uri = withTrailingSlash(URI.create(spec));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data mirror '" + spec + "' is not a valid URL: " + e.getMessage(), e);
        }
        if (name.equals("file")) {
            try {
                Path.of(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data mirror '" + spec + "' is not a usable file: URL ("
                        + e.getMessage() + "); use e.g. file:/absolute/dir or a plain path", e);
            }
        }
        return uri;
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    /** The cache directory (absolute). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The mirror base URL (ending in {@code /}), or empty if files come from their canonical URLs. */
    public Optional<URI> mirror() {
        return Optional.ofNullable(mirror);
    }

    /**
     * Where {@code file} is fetched from when it is not cached: under the mirror, or its canonical URL.
     *
     * @throws IllegalStateException if no mirror is configured and {@code file} has no canonical URL
     */
    public URI urlFor(RemoteFile file) {
        if (mirror == null && file.canonicalUrl() == null) {
            throw new IllegalStateException(mirrorOnlyMessage(file));
        }
        // Concatenation rather than URI.resolve, which would rewrite "file:///x" to "file:/x" and make
        // URLs in messages differ from the configured mirror; RemoteFile names need no escaping.
        return mirror == null ? file.canonicalUrl() : URI.create(mirror + file.mirrorPath());
    }

    /** Where {@code file} is stored in the cache: {@code <cache>/<dataset>/<fileName>}. */
    public Path cachePath(RemoteFile file) {
        return cacheDir.resolve(file.dataset()).resolve(file.fileName());
    }

    /**
     * Where archive {@code file} is extracted in the cache:
     * {@code <cache>/<dataset>/<stem>-<first 12 hex digits of its SHA-256>/}, e.g.
     * {@code cifar10/cifar-10-binary-c4a38c50a1bc/}, so a different archive never reuses it.
     */
    public Path extractionPath(RemoteFile file) {
        return cacheDir.resolve(file.dataset()).resolve(TarExtractor.folderName(file.fileName(), file.sha256()));
    }

    /**
     * Resolves the tar or tar.gz archive {@code file} (see {@link #resolve}) and returns the folder
     * it is extracted into, {@link #extractionPath}, extracting it first with {@link TarExtractor}
     * unless a completed extraction is already there.
     *
     * @throws IOException as {@link #resolve} and {@link TarExtractor#extract} do
     */
    public Path resolveExtracted(RemoteFile file) throws IOException {
        return TarExtractor.extract(resolve(file), extractionPath(file));
    }

    /** One line describing the configuration, e.g. {@code "mirror file:/data/, cache /root/.cache/activation-lab"}. */
    public String describe() {
        return (mirror == null ? "no mirror (canonical URLs)" : "mirror " + mirror) + ", cache " + cacheDir;
    }

    /**
     * Returns the cached, checksum-verified copy of {@code file}, fetching it first if it is missing
     * or its checksum does not match. Unless the file is {@linkplain RemoteFile#verbatim() verbatim},
     * gzip-compressed downloads are detected by their magic bytes and decompressed.
     *
     * @throws FileNotFoundException if the mirror (or canonical URL) has no such file, or if the file
     *     is neither cached nor downloadable because it has no canonical URL and no mirror is configured
     * @throws IOException if fetching fails or the fetched content does not match {@code file.sha256()};
     *     nothing is left in the cache in that case
     */
    public Path resolve(RemoteFile file) throws IOException {
        Path target = cachePath(file);
        if (Files.isRegularFile(target)) {
            String cached = sha256(target);
            if (cached.equals(file.sha256())) {
                return target;
            }
            log("cached " + target + " has SHA-256 " + cached + ", expected " + file.sha256() + "; fetching it again");
        }
        if (mirror == null && file.canonicalUrl() == null) {
            throw new FileNotFoundException(mirrorOnlyMessage(file));
        }
        Files.createDirectories(target.getParent());
        URI url = urlFor(file);
        log("downloading " + url + " -> " + target);
        // A unique name rather than Files.createTempFile, whose owner-only permissions would make a
        // shared cache unreadable to other users; CREATE_NEW keeps concurrent runs apart.
        Path temp = target.resolveSibling(file.fileName() + "." + UUID.randomUUID() + ".part");
        try {
            String actual;
            try (InputStream in = open(url, file);
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                actual = copyAndHash(in, out, !file.verbatim());
            }
            if (!actual.equals(file.sha256())) {
                throw new IOException("checksum mismatch for " + url + ": expected SHA-256 " + file.sha256()
                        + (file.verbatim() ? " of " + file.remoteName() + " as downloaded" : " of the uncompressed "
                        + file.fileName()) + ", got " + actual + ". Delete or replace the bad copy at that URL, or"
                        + " point --data-mirror / " + MIRROR_ENV + " at a correct copy"
                        + (mirror == null || file.canonicalUrl() == null ? ""
                                : " (or unset them to download from " + file.canonicalUrl() + ")"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private InputStream open(URI url, RemoteFile file) throws IOException {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            try {
                return Files.newInputStream(Path.of(url));
            } catch (NoSuchFileException e) {
                throw notFound(url, file);
            }
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + url);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        response.body().close();
        if (status == 404 || status == 410) {
            throw notFound(url, file);
        }
        throw new IOException("downloading " + url + " failed with HTTP status " + status + howToChangeMirror(file));
    }

    private FileNotFoundException notFound(URI url, RemoteFile file) {
        return new FileNotFoundException("no " + file.remoteName() + " at " + url + howToChangeMirror(file));
    }

    private String howToChangeMirror(RemoteFile file) {
        if (mirror == null) {
            return "; point --data-mirror / " + MIRROR_ENV + " / -D" + MIRROR_PROPERTY
                    + " at a mirror holding " + file.mirrorPath();
        }
        return "; the mirror " + mirror + " must hold " + file.mirrorPath()
                + ". Change it with --data-mirror / " + MIRROR_ENV + " / -D" + MIRROR_PROPERTY
                + (file.canonicalUrl() == null ? " (" + file.remoteName() + " has no canonical download)"
                        : ", or unset them to download from " + file.canonicalUrl());
    }

    private String mirrorOnlyMessage(RemoteFile file) {
        return file.remoteName() + " has no verified copy in the cache (" + cachePath(file) + ") and no canonical"
                + " download URL: it is only available from a data mirror such as ../shared/data. Point"
                + " --data-mirror / " + MIRROR_ENV + " / -D" + MIRROR_PROPERTY + " at a mirror holding " + file.mirrorPath();
    }

    private static String copyAndHash(InputStream raw, OutputStream out, boolean decompressGzip) throws IOException {
        InputStream in = new BufferedInputStream(raw, BUFFER_SIZE);
        if (decompressGzip) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                in = new GZIPInputStream(in, BUFFER_SIZE);
            }
        }
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Prints an informational line about data loading to standard error. */
    public static void log(String message) {
        System.err.println("activation-lab: " + message);
    }

    @Override
    public String toString() {
        return "DatasetResolver[" + describe() + "]";
    }
}
