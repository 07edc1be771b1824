package org.ipc.workitems;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;

/** What the read model's writer and its queries share: its statements, their parameters, its values as Java reads them. */
final class ReadModelSql {

    private ReadModelSql() {
    }

    /**
     * A statement on the read model's own tables. Declaring them keeps Hibernate from flushing the whole unit of
     * work before each statement (it would otherwise, not knowing what a native statement reads): no entity maps
     * these tables, so nothing pending can change what the statement sees. A case's submission runs four or five
     * of these inside the engine's transaction; each flush dirty-checked every entity of the request.
     */
    static Query readModel(EntityManager em, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("work_item")
                .addSynchronizedQuerySpace("work_item_group");
    }

    /** Sets the parameters the statement names (all of them when {@code sql} is null). */
    static Query bound(Query query, String sql, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (sql == null || sql.matches("(?s).*:" + name + "\\b.*")) {
                set(query, name, value);
            }
        });
        return query;
    }

    static void set(Query query, String name, Object value) {
        if (value instanceof Instant instant) {
            typed(query, name, instant, StandardBasicTypes.INSTANT);
        } else if (value instanceof UUID uuid) {
            typed(query, name, uuid, StandardBasicTypes.UUID);
        } else if (value == null) {
            typed(query, name, null, StandardBasicTypes.STRING);
        } else {
            query.setParameter(name, value);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> void typed(Query query, String name, T value, BasicTypeReference<T> type) {
        query.unwrap(NativeQuery.class).setParameter(name, value, type);
    }

    /** Names as search compares them: lower case, single spaces. */
    static String searchKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.of("UTC")).toInstant();
        }
        return ((java.time.ZonedDateTime) value).toInstant();
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
