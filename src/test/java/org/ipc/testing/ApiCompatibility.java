package org.ipc.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client generated from one OpenAPI document relies on that a later document no longer gives (docs/api.md):
 * an operation (by operationId, at the same method and path), a parameter, a request or answer media type, a field,
 * a named schema (a generated class), an enum value, a type or format; or something new that the client cannot
 * send: a required parameter, a required field in a request. Additions are not listed: they are compatible.
 */
public final class ApiCompatibility {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private enum Direction { REQUEST, ANSWER }

    private record Op(String method, String path, JsonNode node, JsonNode item) {
    }

    private final JsonNode before;
    private final JsonNode after;
    private final List<String> found = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private ApiCompatibility(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    /** The breaking changes from {@code before} to {@code after}, one sentence each; empty when compatible. */
    public static List<String> breakingChanges(JsonNode before, JsonNode after) {
        ApiCompatibility check = new ApiCompatibility(before, after);
        check.compare();
        return check.found;
    }

    private void compare() {
        Map<String, Op> now = operations(after);
        operations(before).forEach((id, was) -> {
            Op is = now.get(id);
            String op = id + " (" + was.method().toUpperCase() + " " + was.path() + ")";
            if (is == null) {
                found.add(op + ": the operation disappeared");
                return;
            }
            if (!is.method().equals(was.method()) || !is.path().equals(was.path())) {
                found.add(op + ": the operation moved to " + is.method().toUpperCase() + " " + is.path());
                return;
            }
            parameters(op, was, is);
            requestBody(op, was.node().path("requestBody"), is.node().path("requestBody"));
            answers(op, was.node().path("responses"), is.node().path("responses"));
        });
        before.at("/components/schemas").fieldNames().forEachRemaining(name -> {
            if (!after.at("/components/schemas").has(name)) {
                found.add("schema " + name + " disappeared (a generated client's class)");
            }
        });
    }

    private static Map<String, Op> operations(JsonNode doc) {
        Map<String, Op> ops = new LinkedHashMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                String id = m.getValue().path("operationId").asText(m.getKey() + " " + path.getKey());
                ops.put(id, new Op(m.getKey(), path.getKey(), m.getValue(), path.getValue()));
            }
        }));
        return ops;
    }

    private void parameters(String op, Op was, Op is) {
        Map<String, JsonNode> old = parametersOf(before, was);
        Map<String, JsonNode> now = parametersOf(after, is);
        old.forEach((key, p) -> {
            JsonNode n = now.get(key);
            if (n == null) {
                found.add(op + ": parameter " + key + " disappeared");
                return;
            }
            if (n.path("required").asBoolean() && !p.path("required").asBoolean()) {
                found.add(op + ": parameter " + key + " became required");
            }
            schema(op + " parameter " + key, p.path("schema"), n.path("schema"), Direction.REQUEST);
        });
        now.forEach((key, n) -> {
            if (!old.containsKey(key) && n.path("required").asBoolean()) {
                found.add(op + ": new required parameter " + key);
            }
        });
    }

    private static Map<String, JsonNode> parametersOf(JsonNode doc, Op op) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        List<JsonNode> all = new ArrayList<>();
        op.item().path("parameters").forEach(all::add);
        op.node().path("parameters").forEach(all::add);
        for (JsonNode p : all) {
            JsonNode resolved = resolve(doc, p);
            params.put(resolved.path("in").asText() + " " + resolved.path("name").asText(), resolved);
        }
        return params;
    }

    private void requestBody(String op, JsonNode was, JsonNode is) {
        if (was.isMissingNode()) {
            if (resolve(after, is).path("required").asBoolean()) {
                found.add(op + ": a request body became required");
            }
            return;
        }
        JsonNode old = resolve(before, was).path("content");
        JsonNode now = resolve(after, is).path("content");
        old.fieldNames().forEachRemaining(type -> {
            if (!now.has(type)) {
                found.add(op + ": the request body is no longer taken as " + type);
            } else {
                schema(op + " request " + type, old.path(type).path("schema"), now.path(type).path("schema"),
                        Direction.REQUEST);
            }
        });
    }

    private void answers(String op, JsonNode was, JsonNode is) {
        was.fieldNames().forEachRemaining(code -> {
            JsonNode old = resolve(before, was.path(code)).path("content");
            if (old.isMissingNode() || old.isEmpty()) {
                return;
            }
            if (!is.has(code)) {
                found.add(op + ": the " + code + " answer disappeared");
                return;
            }
            JsonNode now = resolve(after, is.path(code)).path("content");
            old.fieldNames().forEachRemaining(type -> {
                if (!now.has(type)) {
                    found.add(op + ": the " + code + " answer is no longer " + type);
                } else {
                    schema(op + " " + code, old.path(type).path("schema"), now.path(type).path("schema"),
                            Direction.ANSWER);
                }
            });
        });
    }

    private void schema(String where, JsonNode was, JsonNode is, Direction direction) {
        if (was.isMissingNode() || was.isEmpty()) {
            return;
        }
        String oldRef = was.path("$ref").asText("");
        String newRef = is.path("$ref").asText("");
        if (!oldRef.isEmpty() && !compared.add(oldRef + " " + newRef + " " + direction)) {
            return;
        }
        String name = oldRef.isEmpty() ? where : oldRef.substring(oldRef.lastIndexOf('/') + 1);
        JsonNode old = resolve(before, was);
        JsonNode now = resolve(after, is);
        Set<String> oldTypes = types(old);
        Set<String> newTypes = types(now);
        if (!oldTypes.isEmpty() && !newTypes.equals(oldTypes)) {
            found.add(where + ": " + name + " changed type from " + oldTypes + " to " + newTypes);
            return;
        }
        if (old.has("format") && !old.path("format").equals(now.path("format"))) {
            found.add(where + ": " + name + " changed format from " + old.path("format").asText() + " to "
                    + now.path("format").asText("none"));
        }
        if (old.has("enum")) {
            Set<String> values = new TreeSet<>();
            now.path("enum").forEach(v -> values.add(v.asText()));
            old.path("enum").forEach(v -> {
                if (!values.contains(v.asText())) {
                    found.add(where + ": " + name + " lost the enum value " + v.asText());
                }
            });
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = old.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode counterpart = now.path("properties").path(field.getKey());
            if (counterpart.isMissingNode()) {
                found.add(where + ": " + name + "." + field.getKey() + " disappeared");
            } else {
                schema(where + " " + name + "." + field.getKey(), field.getValue(), counterpart, direction);
            }
        }
        if (direction == Direction.REQUEST) {
            Set<String> required = new TreeSet<>();
            old.path("required").forEach(r -> required.add(r.asText()));
            now.path("required").forEach(r -> {
                if (!required.contains(r.asText())) {
                    found.add(where + ": " + name + "." + r.asText() + " became required in requests");
                }
            });
        }
        if (old.has("items")) {
            schema(where + "[]", old.path("items"), now.path("items"), direction);
        }
        if (old.path("additionalProperties").isObject()) {
            schema(where + "{}", old.path("additionalProperties"), now.path("additionalProperties"), direction);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        types.remove("null");
        return types;
    }

    /** The object a local {@code $ref} points to, or the node itself. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = doc.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }
}
