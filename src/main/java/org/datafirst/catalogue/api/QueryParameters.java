package org.datafirst.catalogue.api;

import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.PageRequest;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.BadParameterException;

/**
 * Parses raw query parameters, so a bad value gets a 400 naming the parameter (JAX-RS would answer
 * 404 for a query parameter it cannot convert).
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static PageRequest page(String page, String size, CatalogueConfig.Api config) {
        int number = integer("page", page).orElse(1);
        if (number < 1) {
            throw new BadParameterException("page", "must be 1 or more, was " + number);
        }
        int pageSize = integer("size", size).orElse(config.defaultPageSize());
        if (pageSize < 1 || pageSize > config.maxPageSize()) {
            throw new BadParameterException("size", "must be between 1 and " + config.maxPageSize() + ", was " + pageSize);
        }
        if ((long) (number - 1) * pageSize > Integer.MAX_VALUE / 4) {
            throw new BadParameterException("page", "is too large");
        }
        return new PageRequest(number, pageSize);
    }

    static Optional<Integer> integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a whole number, was '" + value + "'");
        }
    }

    static Optional<Integer> year(String name, String value) {
        Optional<Integer> year = integer(name, value);
        year.filter(y -> y < 1900 || y > 2200).ifPresent(y -> {
            throw new BadParameterException(name, "must be a year between 1900 and 2200, was " + y);
        });
        return year;
    }

    static Optional<String> text(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 200) {
            throw new BadParameterException(name, "must be at most 200 characters");
        }
        return Optional.of(value.trim());
    }

    static List<String> values(List<String> values) {
        return values == null ? List.of()
                : values.stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                        .filter(v -> !v.isEmpty()).distinct().toList();
    }
}
