package org.ipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * Every HTTP endpoint the service's resource classes declare (target/classes: the packaged service's, not the
 * tests'), read from their JAX-RS annotations: the JSON API that the OpenAPI document describes and the HTML pages it
 * leaves out. For the tests that must reach every endpoint, whether documented or not (security matrix, hostile
 * input).
 */
public final class Endpoints {

    /** One endpoint: its method, its path as the OpenAPI document writes it, and its query parameters. */
    public record Endpoint(String method, String path, List<String> queryParams) {

        public String key() {
            return method + " " + path;
        }
    }

    private Endpoints() {
    }

    /** By {@code METHOD /path}, sorted. */
    public static Map<String, Endpoint> declared() {
        Path classes = Path.of("target", "classes");
        Map<String, Endpoint> endpoints = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve(Path.of("org", "ipc")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted(Comparator.naturalOrder())
                    .toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Endpoints.class.getClassLoader());
                if (!type.isAnnotationPresent(jakarta.ws.rs.Path.class) || Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    httpMethod(method).ifPresent(verb -> {
                        Endpoint e = new Endpoint(verb, template(type, method), queryParams(method));
                        endpoints.put(e.key(), e);
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return endpoints;
    }

    private static java.util.Optional<String> httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return java.util.Optional.of(verb.value().toUpperCase(Locale.ROOT));
            }
        }
        return java.util.Optional.empty();
    }

    /** The class's {@code @Path} and the method's, joined, without regular expressions in the templates. */
    private static String template(Class<?> type, Method method) {
        String base = type.getAnnotation(jakarta.ws.rs.Path.class).value();
        jakarta.ws.rs.Path own = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path = ("/" + base + "/" + (own == null ? "" : own.value())).replaceAll("/+", "/")
                .replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> queryParams(Method method) {
        List<String> names = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            RestQuery rest = p.getAnnotation(RestQuery.class);
            if (query != null) {
                names.add(query.value());
            } else if (rest != null) {
                names.add(rest.value().isEmpty() ? p.getName() : rest.value());
            }
        }
        return names;
    }
}
