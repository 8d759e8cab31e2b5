package org.activationlab.data.download;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How patiently {@link DatasetResolver} downloads over HTTP.
 *
 * @param connectTimeout the longest wait for a connection to the server
 * @param readTimeout the longest wait for the next bytes (response headers or body) before an
 *     attempt counts as stalled
 * @param attempts how many attempts a download gets in all; a stall, an HTTP 5xx answer or a body
 *     cut short is retried (resuming with HTTP {@code Range} where the server allows it), anything
 *     else fails at once
 * @param backoff the wait before the first retry, doubled before each further one
 */
public record DownloadSettings(Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff) {

    /** Default connect and read timeout: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Default number of attempts: 3, so a server that stalls after its headers is given up after
     * about 3 x 30 s plus 2 s + 4 s of back-off, under two minutes.
     */
    public static final int DEFAULT_ATTEMPTS = 3;
    /** Default wait before the first retry: 2 s. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(2);
    /** System property setting both timeouts, in seconds. */
    public static final String TIMEOUT_PROPERTY = "activationlab.download.timeout";
    /** Environment variable setting both timeouts in seconds, used if the property is unset. */
    public static final String TIMEOUT_ENV = "ACTIVATIONLAB_DOWNLOAD_TIMEOUT";
    /** System property setting the number of attempts. */
    public static final String ATTEMPTS_PROPERTY = "activationlab.download.attempts";
    /** Environment variable setting the number of attempts, used if the property is unset. */
    public static final String ATTEMPTS_ENV = "ACTIVATIONLAB_DOWNLOAD_ATTEMPTS";

    private static final int MAX_ATTEMPTS = 100;

    /** Validates that the timeouts are positive, the back-off not negative and attempts in 1..100. */
    public DownloadSettings {
        requirePositive("connect timeout", connectTimeout);
        requirePositive("read timeout", readTimeout);
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("download back-off must be >= 0, got " + backoff);
        }
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("download attempts must be in 1.." + MAX_ATTEMPTS + ", got " + attempts);
        }
    }

    /** The defaults above. */
    public static DownloadSettings defaults() {
        return new DownloadSettings(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    /** These settings with both timeouts set to {@code timeout}. */
    public DownloadSettings withTimeout(Duration timeout) {
        return new DownloadSettings(timeout, timeout, attempts, backoff);
    }

    /** These settings with {@code attempts} attempts. */
    public DownloadSettings withAttempts(int attempts) {
        return new DownloadSettings(connectTimeout, readTimeout, attempts, backoff);
    }

    /** These settings with the first retry after {@code backoff}. */
    public DownloadSettings withBackoff(Duration backoff) {
        return new DownloadSettings(connectTimeout, readTimeout, attempts, backoff);
    }

    /**
     * The defaults, with the timeout and attempts overridden by the system properties or else the
     * environment variables above.
     *
     * @throws IllegalArgumentException naming the property or variable if its value is not a positive
     *     whole number (of seconds, for the timeout) or is out of range
     */
    public static DownloadSettings fromConfiguration(UnaryOperator<String> properties,
                                                     UnaryOperator<String> environment) {
        DownloadSettings settings = defaults();
        Long timeout = configured(properties, environment, TIMEOUT_PROPERTY, TIMEOUT_ENV, "seconds such as 60");
        if (timeout != null) {
            settings = settings.withTimeout(Duration.ofSeconds(timeout));
        }
        Long attempts = configured(properties, environment, ATTEMPTS_PROPERTY, ATTEMPTS_ENV, "attempts such as 5");
        if (attempts != null) {
            if (attempts > MAX_ATTEMPTS) {
                throw new IllegalArgumentException(name(properties, ATTEMPTS_PROPERTY, ATTEMPTS_ENV) + " must be at most "
                        + MAX_ATTEMPTS + ", got " + attempts);
            }
            settings = settings.withAttempts(attempts.intValue());
        }
        return settings;
    }

    private static Long configured(UnaryOperator<String> properties, UnaryOperator<String> environment,
                                   String property, String env, String example) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(env);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0 && parsed <= Integer.MAX_VALUE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw new IllegalArgumentException(name(properties, property, env) + " must be a positive whole number of "
                + example + ", got '" + value + "'");
    }

    private static String name(UnaryOperator<String> properties, String property, String env) {
        String value = properties.apply(property);
        return value == null || value.isBlank() ? env : "-D" + property;
    }

    private static void requirePositive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("download " + what + " must be > 0, got " + value);
        }
    }
}
