package com.paystream.infrastructure.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * How query, path and header parameters are read, on every service: strictly, and a value that does not read is a 400
 * problem+json naming the parameter and what it must be ({@code ?limit=ten} → {@code limit: must be a whole number}).
 * Left to JAX-RS, a query or path parameter that does not convert is a bare 404 (as if the path did not exist) and
 * a boolean is anything but {@code true} read as {@code false}. Numbers, booleans ({@code true} or {@code false}, in any case),
 * enums (their exact names), dates ({@code 2026-11-24}) and instants ({@code 2026-11-24T10:15:30Z}); text is left
 * as it is, for the resource to check.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Optional<String> name = nameOf(annotations);
        Optional<Reading> reading = readingOf(rawType);
        if (name.isEmpty() || reading.isEmpty()) {
            return null;
        }
        return (ParamConverter<T>) new Strict(name.get(), reading.get());
    }

    /** How a value is read, and what the parameter must be when it does not. */
    private record Reading(Function<String, Object> read, String expected) {
    }

    private static Optional<Reading> readingOf(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Optional.of(new Reading(Integer::valueOf, "must be a whole number"));
        }
        if (type == long.class || type == Long.class) {
            return Optional.of(new Reading(Long::valueOf, "must be a whole number"));
        }
        if (type == Boolean.class) {
            return Optional.of(new Reading(StrictParameters::bool, "must be true or false"));
        }
        if (type == boolean.class) {
            // "0": what JAX-RS passes for a primitive parameter left out
            return Optional.of(new Reading(value -> value.equals("0") ? Boolean.FALSE : bool(value),
                    "must be true or false"));
        }
        if (type == LocalDate.class) {
            return Optional.of(new Reading(LocalDate::parse, "must be a date, YYYY-MM-DD"));
        }
        if (type == Instant.class) {
            return Optional.of(new Reading(Instant::parse, "must be an instant such as 2026-11-24T10:15:30Z"));
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return Optional.of(new Reading(value -> Arrays.stream(values).filter(v -> ((Enum<?>) v).name()
                    .equals(value)).findFirst().orElseThrow(IllegalArgumentException::new),
                    "must be one of " + Arrays.toString(values)));
        }
        return Optional.empty();
    }

    private static Boolean bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(value);
        }
        return Boolean.valueOf(value);
    }

    private static Optional<String> nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return Optional.of(query.value());
            }
            if (annotation instanceof PathParam path) {
                return Optional.of(path.value());
            }
            if (annotation instanceof HeaderParam header) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /**
     * One parameter's converter. Its refusal reaches {@link ProblemMappers} inside the 404 or 400 that JAX-RS makes
     * of it, and is answered as itself.
     */
    private record Strict(String name, Reading reading) implements ParamConverter<Object> {
        @Override
        public Object fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return reading.read().apply(value);
            } catch (RuntimeException e) {
                throw ValidationProblem.field(name, reading.expected());
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
