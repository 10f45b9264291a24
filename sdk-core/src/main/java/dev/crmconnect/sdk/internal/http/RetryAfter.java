package dev.crmconnect.sdk.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date. */
final class RetryAfter {

    /** Longer than any quota window; a larger value is treated as this. */
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    private RetryAfter() {
    }

    /** The wait the header asks for; a date in the past is zero; anything unreadable is empty. */
    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (!trimmed.isEmpty() && trimmed.length() <= 12 && trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(trimmed), MAX_SECONDS)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            if (wait.isNegative()) {
                return Optional.of(Duration.ZERO);
            }
            return Optional.of(wait.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0 ? Duration.ofSeconds(MAX_SECONDS) : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
