package org.datafirst.catalogue.http;

import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.BadParameterException;

/**
 * Parses raw query parameters, so a bad value gets a 400 naming the parameter (JAX-RS would answer
 * 404 for a query parameter it cannot convert).
 */
public final class QueryParameters {

    private QueryParameters() {}

    public static PageRequest page(String page, String size, CatalogueConfig.Api config) {
        return page(page, size, config.defaultPageSize(), config.maxPageSize());
    }

    public static PageRequest page(String page, String size, int defaultSize, int maxSize) {
        int number = integer("page", page).orElse(1);
        if (number < 1) {
            throw new BadParameterException("page", "must be 1 or more, was " + number);
        }
        int pageSize = integer("size", size).orElse(defaultSize);
        if (pageSize < 1 || pageSize > maxSize) {
            throw new BadParameterException("size", "must be between 1 and " + maxSize + ", was " + pageSize);
        }
        if ((long) (number - 1) * pageSize > Integer.MAX_VALUE / 4) {
            throw new BadParameterException("page", "is too large");
        }
        return new PageRequest(number, pageSize);
    }

    public static Optional<Integer> integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a whole number, was '" + value + "'");
        }
    }

    /**
     * An instant given as a date (midnight UTC) or an ISO 8601 date-time with offset, in the years 1 to
     * 9999 (java.time reads far larger years than the database can store).
     */
    public static Optional<java.time.OffsetDateTime> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        java.time.OffsetDateTime instant;
        try {
            instant = value.length() == 10
                    ? java.time.LocalDate.parse(value).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)
                    : java.time.OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(
                    name,
                    "must be a date (2024-01-31) or a date-time with offset " + "(2024-01-31T12:00:00Z), was '" + value
                            + "'");
        }
        if (instant.getYear() < 1 || instant.getYear() > 9999) {
            throw new BadParameterException(name, "must lie in the years 1 to 9999, was '" + value + "'");
        }
        return Optional.of(instant);
    }

    public static Optional<Integer> year(String name, String value) {
        Optional<Integer> year = integer(name, value);
        year.filter(y -> y < 1900 || y > 2200).ifPresent(y -> {
            throw new BadParameterException(name, "must be a year between 1900 and 2200, was " + y);
        });
        return year;
    }

    public static Optional<String> text(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 200) {
            throw new BadParameterException(name, "must be at most 200 characters");
        }
        return Optional.of(value.trim());
    }

    public static List<String> values(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .flatMap(v -> List.of(v.split(",")).stream())
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList();
    }
}
