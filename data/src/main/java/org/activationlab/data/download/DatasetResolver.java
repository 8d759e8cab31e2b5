package org.activationlab.data.download;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.activationlab.data.DataLog;
import org.activationlab.data.DatasetException;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.archive.ExtractionLimits;
import org.activationlab.data.archive.TarExtractor;
import org.activationlab.data.cache.CacheFolders;
import org.activationlab.data.cache.Checksums;
import org.activationlab.data.cache.TargetLock;

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
 * checksum-verified temporary file.
 *
 * <p>Robustness: HTTP downloads follow {@link DownloadSettings} (connect and read timeouts, bounded
 * retries with back-off on stalls, 5xx answers and cut-off bodies, resuming with HTTP {@code Range}
 * where the server allows it) and report progress to a {@link DownloadListener}. Each target file is
 * guarded by a {@link TargetLock}, so concurrent processes download it once; the raw bytes of an
 * unfinished download are kept as {@code <fileName>.download.part} and resumed by the next run, and
 * other {@code <fileName>.*.part} files left by a dead process are removed. Every failure a user can
 * fix is a {@link DatasetException} whose one-line message names the URL or path, what happened and
 * the fix (the mirror flag and variable, or where to put the file by hand).
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
    /** Suffix of the raw bytes of an unfinished HTTP download, kept for resuming. */
    public static final String DOWNLOAD_SUFFIX = ".download.part";

    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final String PART_SUFFIX = ".part";
    private static final int BUFFER_SIZE = 1 << 16;

    private final Path cacheDir;
    private final URI mirror;
    private final DownloadSettings downloads;
    private final ExtractionLimits limits;
    private final DownloadListener listener;

    private DatasetResolver(Path cacheDir, URI mirror, DownloadSettings downloads, ExtractionLimits limits,
                            DownloadListener listener) {
        this.cacheDir = cacheDir;
        this.mirror = mirror;
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Creates a resolver. Each argument may be {@code null} (or blank) to fall back, in order, to
     * the system property, the environment variable and the default: {@code ~/.cache/activation-lab}
     * for the cache, canonical download URLs (no mirror) for the mirror. The download settings and
     * extraction limits come from their properties and variables too ({@link
     * DownloadSettings#fromConfiguration}, {@link ExtractionLimits#fromConfiguration}); downloads report
     * to no listener (the data module has no user interface: {@link #withListener} adds one, e.g. the
     * command line's progress bar).
     *
     * @param cacheDir explicit cache directory, or {@code null}
     * @param mirror explicit mirror as a {@code file:}/{@code http(s):} URL or a path, or {@code null}
     * @throws IllegalArgumentException if the mirror is not a supported URL or path, or a setting is malformed
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
                mirrorSpec == null ? null : parseMirror(mirrorSpec.strip()),
                DownloadSettings.fromConfiguration(properties, environment),
                ExtractionLimits.fromConfiguration(properties, environment), DownloadListener.NONE);
    }

    /** This resolver with other download timeouts, attempts and back-off. */
    public DatasetResolver withDownloadSettings(DownloadSettings settings) {
        return new DatasetResolver(cacheDir, mirror, settings, limits, listener);
    }

    /** This resolver with other caps on extracted archives (and on decompressed downloads). */
    public DatasetResolver withExtractionLimits(ExtractionLimits extractionLimits) {
        return new DatasetResolver(cacheDir, mirror, downloads, extractionLimits, listener);
    }

    /** This resolver reporting download progress to {@code downloadListener}, e.g. {@link DownloadListener#NONE}. */
    public DatasetResolver withListener(DownloadListener downloadListener) {
        return new DatasetResolver(cacheDir, mirror, downloads, limits, downloadListener);
    }

    /** The HTTP download settings. */
    public DownloadSettings downloadSettings() {
        return downloads;
    }

    /** The caps on extracted archives, also applied to decompressed downloads. */
    public ExtractionLimits extractionLimits() {
        return limits;
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
     * (within {@link #extractionLimits()}) unless a completed extraction is already there.
     *
     * @throws IOException as {@link #resolve} and {@link TarExtractor#extract} do
     */
    public Path resolveExtracted(RemoteFile file) throws IOException {
        return TarExtractor.extract(resolve(file), extractionPath(file), limits);
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
     * @throws DatasetNotFoundException if the mirror (or canonical URL) has no such file, or if the
     *     file is neither cached nor downloadable because it has no canonical URL and no mirror is
     *     configured
     * @throws DatasetException if fetching fails for good (after the retries), the fetched content is
     *     corrupt or does not match {@code file.sha256()}, or the cache folder is unusable; a corrupt
     *     or mismatching copy is not kept, an interrupted download is kept for resuming
     * @throws IOException if reading or writing fails otherwise
     */
    public Path resolve(RemoteFile file) throws IOException {
        Path target = cachePath(file);
        if (isVerified(target, file)) {
            return target;
        }
        if (mirror == null && file.canonicalUrl() == null) {
            throw new DatasetNotFoundException(mirrorOnlyMessage(file));
        }
        CacheFolders.create(target.getParent(), "cache folder", cacheFix());
        URI url = urlFor(file);
        try (TargetLock lock = TargetLock.acquire(target,
                () -> DataLog.info("waiting for another download of " + target + " to finish"))) {
            if (Files.isRegularFile(target) && Checksums.sha256(target).equals(file.sha256())) {
                return target; // fetched by the process we waited for
            }
            removeStaleParts(target);
            Path download = target.resolveSibling(file.fileName() + DOWNLOAD_SUFFIX);
            boolean resumed = Files.isRegularFile(download);
            String actual = fetchVerified(url, file, target, download);
            if (!actual.equals(file.sha256()) && resumed) {
                // The kept bytes may come from another copy of the file: start over once.
                DataLog.info("the resumed download of " + url + " does not match its checksum; downloading it again"
                        + " from the start");
                Files.deleteIfExists(download);
                actual = fetchVerified(url, file, target, download);
            }
            if (!actual.equals(file.sha256())) {
                Files.deleteIfExists(download);
                throw new DatasetException("checksum mismatch for " + url + ": expected SHA-256 " + file.sha256()
                        + (file.verbatim() ? " of " + file.remoteName() + " as downloaded" : " of the uncompressed "
                        + file.fileName()) + ", got " + actual + ". Delete or replace the bad copy at that URL, or"
                        + " point --data-mirror / " + MIRROR_ENV + " at a correct copy"
                        + (mirror == null || file.canonicalUrl() == null ? ""
                                : " (or unset them to download from " + file.canonicalUrl() + ")"));
            }
            return target;
        }
    }

    /**
     * Fetches {@code url} and writes the file to be cached next to {@code target}, moving it there
     * if its checksum matches; returns the checksum of what was fetched.
     */
    private String fetchVerified(URI url, RemoteFile file, Path target, Path download) throws IOException {
        Path part = target.resolveSibling(file.fileName() + PART_SUFFIX);
        try {
            Path source = isFile(url) ? mirrorFile(url, file) : download(url, file, download);
            String actual;
            Path result;
            if (file.verbatim() && source.equals(download)) {
                actual = Checksums.sha256(download);
                result = download;
            } else {
                log(source.equals(download) ? "verifying " + url : "copying " + url + " -> " + target);
                try {
                    actual = copyAndHash(source, url, part, file, target);
                } catch (DatasetException e) {
                    Files.deleteIfExists(download); // corrupt: resuming it would only repeat the failure
                    throw e;
                }
                result = part;
            }
            if (actual.equals(file.sha256())) {
                Files.move(result, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(download);
            }
            return actual;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private boolean isVerified(Path target, RemoteFile file) throws IOException {
        if (!Files.isRegularFile(target)) {
            return false;
        }
        String cached = Checksums.sha256(target);
        if (cached.equals(file.sha256())) {
            return true;
        }
        log("cached " + target + " has SHA-256 " + cached + ", expected " + file.sha256() + "; fetching it again");
        return false;
    }

    /**
     * Removes {@code <fileName>.*.part} files and folders next to {@code target}, except the
     * resumable {@value #DOWNLOAD_SUFFIX}: left by dead processes (including the random-named ones of
     * earlier versions), since the caller holds the target's lock and so no live process writes them.
     */
    private static void removeStaleParts(Path target) throws IOException {
        String prefix = target.getFileName() + ".";
        String keep = target.getFileName() + DOWNLOAD_SUFFIX;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path stale : siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(PART_SUFFIX) && !name.equals(keep);
            }).toList()) {
                log("removing " + stale + ", left by an interrupted run");
                CacheFolders.deleteRecursively(stale);
            }
        }
    }

    private static boolean isFile(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT).equals("file");
    }

    /** The file behind a {@code file:} URL, or a one-line error saying why there is none. */
    private Path mirrorFile(URI url, RemoteFile file) throws IOException {
        Path path = Path.of(url);
        if (Files.isRegularFile(path)) {
            return path;
        }
        Optional<Path> regular = CacheFolders.regularFileOnPath(path);
        if (regular.isPresent()) {
            throw new DatasetException("data mirror path " + path + " is under " + regular.get() + ", which is a"
                    + " regular file, not a folder; point --data-mirror / " + MIRROR_ENV + " at the folder holding "
                    + file.mirrorPath() + byHand(file));
        }
        if (Files.isDirectory(path)) {
            throw new DatasetException("data mirror path " + path + " is a folder; expected the file "
                    + file.mirrorPath() + " there" + howToChangeMirror(file));
        }
        throw notFound(url, file);
    }

    /**
     * Downloads {@code url} over HTTP into {@code download}, resuming what is already there, with the
     * configured timeouts and retries.
     *
     * @return {@code download}, complete
     */
    private Path download(URI url, RemoteFile file, Path download) throws IOException {
        log("downloading " + url + " -> " + download.resolveSibling(file.fileName()));
        long backoff = downloads.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                attempt(url, file, download);
                return download;
            } catch (RetryableFailure failure) {
                if (attempt >= downloads.attempts()) {
                    long kept = Files.isRegularFile(download) ? Files.size(download) : 0;
                    throw new DatasetException("downloading " + url + " failed " + (attempt == 1 ? "" : "after "
                            + attempt + " attempts ") + "(" + failure.getMessage() + ")"
                            + (kept > 0 ? String.format(Locale.ROOT, "; the %,d bytes received are kept in %s and"
                                    + " resumed by the next run", kept, download) : "")
                            + howToChangeMirror(file) + byHand(file), failure.getCause());
                }
                log(String.format(Locale.ROOT, "downloading %s: %s; retrying in %s s (attempt %d of %d)", url,
                        failure.getMessage(), seconds(backoff), attempt + 1, downloads.attempts()));
                sleep(backoff);
                backoff *= 2;
            }
        }
    }

    /** A failed attempt that is worth repeating: a stall, a 5xx answer, a broken or short body. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RetryableFailure(String problem, Throwable cause) {
            super(problem, cause, false, false);
        }
    }

    private void attempt(URI url, RemoteFile file, Path download) throws IOException, RetryableFailure {
        long offset = Files.isRegularFile(download) ? Files.size(download) : 0;
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setConnectTimeout(timeoutMillis(downloads.connectTimeout().toMillis()));
            connection.setReadTimeout(timeoutMillis(downloads.readTimeout().toMillis()));
            connection.setInstanceFollowRedirects(true);
            connection.setRequestProperty("Accept-Encoding", "identity");
            if (offset > 0) {
                connection.setRequestProperty("Range", "bytes=" + offset + "-");
            }
            int status;
            try {
                status = connection.getResponseCode();
            } catch (SocketTimeoutException e) {
                throw new RetryableFailure("no answer within " + seconds(downloads.readTimeout().toMillis())
                        + " s: connect or read timeout", e);
            } catch (UnknownHostException e) {
                throw new DatasetException("downloading " + url + " failed: unknown host " + e.getMessage()
                        + " (no network, or a mistyped mirror)" + howToChangeMirror(file) + byHand(file), e);
            } catch (ConnectException e) {
                throw new RetryableFailure("cannot connect: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new RetryableFailure("connection failed: " + e, e);
            }
            boolean append;
            long total;
            if (status == HttpURLConnection.HTTP_PARTIAL && offset > 0) {
                Matcher range = CONTENT_RANGE.matcher(String.valueOf(connection.getHeaderField("Content-Range")));
                if (!range.matches() || Long.parseLong(range.group(1)) != offset) {
                    Files.deleteIfExists(download);
                    throw new RetryableFailure("the server answered the resume request with the range "
                            + connection.getHeaderField("Content-Range") + " instead of bytes " + offset + "-", null);
                }
                append = true;
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
                log(String.format(Locale.ROOT, "resuming %s after the %,d bytes in %s", url, offset, download));
            } else if (status == HttpURLConnection.HTTP_OK) {
                append = false; // no Range support (or nothing to resume): start from the beginning
                total = connection.getContentLengthLong();
            } else if (status == 416 && offset > 0) {
                Files.deleteIfExists(download);
                throw new RetryableFailure("the server cannot resume after " + offset + " bytes (HTTP 416)", null);
            } else if (status == HttpURLConnection.HTTP_NOT_FOUND || status == HttpURLConnection.HTTP_GONE) {
                Files.deleteIfExists(download);
                throw notFound(url, file);
            } else if (status >= 500) {
                throw new RetryableFailure("HTTP status " + status + " from the server", null);
            } else {
                throw new DatasetException("downloading " + url + " failed with HTTP status " + status
                        + howToChangeMirror(file) + byHand(file));
            }
            receive(url, connection, download, append ? offset : 0, total, append);
        } finally {
            connection.disconnect();
        }
    }

    private void receive(URI url, HttpURLConnection connection, Path download, long start, long total,
                         boolean append) throws IOException, RetryableFailure {
        long received = start;
        listener.started(url, start, total);
        try (InputStream in = connection.getInputStream();
             OutputStream out = Files.newOutputStream(download, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    throw new RetryableFailure(String.format(Locale.ROOT, "no data for %s s after %s: read timeout",
                            seconds(downloads.readTimeout().toMillis()), progress(received, total)), e);
                } catch (IOException e) {
                    throw new RetryableFailure("connection broken after " + progress(received, total) + ": " + e, e);
                }
                if (n < 0) {
                    break;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw writeFailure(download, e);
                }
                received += n;
                listener.transferred(url, received);
            }
        } finally {
            listener.ended(url);
        }
        if (total >= 0 && received < total) {
            throw new RetryableFailure("the body ended after " + progress(received, total) + ": truncated", null);
        }
    }

    private static String progress(long received, long total) {
        return total >= 0 ? String.format(Locale.ROOT, "%,d of %,d bytes", received, total)
                : String.format(Locale.ROOT, "%,d bytes", received);
    }

    private static int timeoutMillis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a download");
        }
    }

    /**
     * Copies {@code source} (fetched from {@code url}) to {@code part}, decompressing gzip unless the
     * file is verbatim, and returns the SHA-256 of what was written.
     */
    private String copyAndHash(Path source, URI url, Path part, RemoteFile file, Path target) throws IOException {
        MessageDigest digest = Checksums.newSha256();
        long written = 0;
        boolean gzip = false;
        try (InputStream raw = openForReading(source, url, file);
             InputStream buffered = new BufferedInputStream(raw, BUFFER_SIZE);
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            InputStream in = buffered;
            if (!file.verbatim()) {
                buffered.mark(2);
                gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
                buffered.reset();
                if (gzip) {
                    in = new GZIPInputStream(buffered, BUFFER_SIZE);
                }
            }
            byte[] buffer = new byte[BUFFER_SIZE];
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                written += n;
                if (written > limits.maxBytes()) {
                    throw new DatasetException(String.format(Locale.ROOT, "%s decompresses to more than %,d bytes,"
                            + " the cap on extracted bytes; it is not %s. Replace the copy there%s, or raise the cap"
                            + " with %s if the file is trustworthy", url, limits.maxBytes(), file.fileName(),
                            howToChangeMirror(file), ExtractionLimits.MAX_BYTES_ENV));
                }
                digest.update(buffer, 0, n);
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw writeFailure(target, e);
                }
            }
        } catch (ZipException | EOFException e) {
            if (gzip) {
                throw new DatasetException(file.remoteName() + " at " + url + " is a corrupt or truncated gzip file ("
                        + e.getMessage() + "); replace it with a good copy" + howToChangeMirror(file) + byHand(file), e);
            }
            throw e;
        }
        return Checksums.hex(digest);
    }

    private InputStream openForReading(Path source, URI url, RemoteFile file) throws IOException {
        try {
            return Files.newInputStream(source);
        } catch (AccessDeniedException e) {
            throw new DatasetException("cannot read " + file.remoteName() + " at " + url + " (permission denied on "
                    + e.getFile() + "); make it readable" + howToChangeMirror(file), e);
        }
    }

    private DatasetException writeFailure(Path target, IOException e) {
        return new DatasetException("cannot write " + target + " (" + e.getMessage() + "); free disk space in "
                + target.getParent() + ", or " + cacheFix(), e);
    }

    private static String cacheFix() {
        return "choose a writable cache folder with --cache-dir or " + CACHE_ENV;
    }

    private DatasetNotFoundException notFound(URI url, RemoteFile file) {
        return new DatasetNotFoundException("no " + file.remoteName() + " at " + url + howToChangeMirror(file)
                + byHand(file));
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

    /** Where a user may put the file by hand instead, e.g. {@code "; or put the uncompressed x at /c/x by hand"}. */
    private String byHand(RemoteFile file) {
        return "; or put " + (file.verbatim() ? file.fileName() : "the uncompressed " + file.fileName()) + " at "
                + cachePath(file) + " by hand (it is checksum-verified)";
    }

    private String mirrorOnlyMessage(RemoteFile file) {
        return file.remoteName() + " has no verified copy in the cache (" + cachePath(file) + ") and no canonical"
                + " download URL: it is only available from a data mirror such as ../shared/data. Point"
                + " --data-mirror / " + MIRROR_ENV + " / -D" + MIRROR_PROPERTY + " at a mirror holding " + file.mirrorPath();
    }

    private static void log(String message) {
        DataLog.info(message);
    }

    @Override
    public String toString() {
        return "DatasetResolver[" + describe() + "]";
    }
}
