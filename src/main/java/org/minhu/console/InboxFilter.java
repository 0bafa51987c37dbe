package org.minhu.console;

import org.minhu.cases.CaseState;
import org.minhu.cases.Priority;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the inbox is asked for: whose cases ({@link View}), the filters, a search, and where the
 * previous page ended (a keyset cursor "createdAtMicros.id", never an offset, so page 1,000 costs
 * what page 1 does).
 */
public record InboxFilter(View view, CaseState state, String category, String unit, String grid, Priority priority,
                          boolean overdue, boolean unrated, boolean waiting, boolean flagged, Long tag, String q,
                          String after) {

    /** The inbox's views beside every case the viewer may see: 我的诉求 and (本单位)未分派. */
    public enum View {
        ALL, MINE, UNASSIGNED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public InboxFilter {
        view = view == null ? View.ALL : view;
    }

    public static InboxFilter of(String view, String state, String category, String unit, String grid, String priority,
                                 boolean overdue, boolean unrated, boolean waiting, boolean flagged, String tag,
                                 String q, String after) {
        return new InboxFilter(parse(View.class, view), parse(CaseState.class, state), blankToNull(category),
                blankToNull(unit), blankToNull(grid), parse(Priority.class, priority), overdue, unrated, waiting,
                flagged, tag != null && tag.strip().matches("\\d{1,18}") ? Long.valueOf(tag.strip()) : null,
                blankToNull(q), cursorOrNull(after));
    }

    public static InboxFilter none() {
        return new InboxFilter(View.ALL, null, null, null, null, null, false, false, false, false, null, null, null);
    }

    public InboxFilter withState(CaseState s) {
        return new InboxFilter(view, s, category, unit, grid, priority, overdue, unrated, waiting, flagged, tag, q, null);
    }

    /** Another view, every other filter as it was; the state and the cursor start again. */
    public InboxFilter withView(View v) {
        return new InboxFilter(v, null, category, unit, grid, priority, overdue, unrated, waiting, flagged, tag, q, null);
    }

    public InboxFilter after(String cursor) {
        return new InboxFilter(view, state, category, unit, grid, priority, overdue, unrated, waiting, flagged, tag, q, cursor);
    }

    /** Another label (null: any), every other filter as it was; the cursor starts again. */
    public InboxFilter withTag(Long t) {
        return new InboxFilter(view, state, category, unit, grid, priority, overdue, unrated, waiting, flagged, t, q, null);
    }

    /** Microseconds, the precision the database keeps, so two cases in one millisecond still page apart. */
    public static String cursor(Instant createdAt, long id) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "." + id;
    }

    public Instant afterCreatedAt() {
        return createdAtOf(after);
    }

    public Long afterId() {
        return idOf(after);
    }

    /** The filing time a cursor from {@link #cursor} names; null for none. */
    public static Instant createdAtOf(String cursor) {
        return cursor == null ? null
                : Instant.EPOCH.plus(Long.parseLong(cursor.substring(0, cursor.indexOf('.'))), ChronoUnit.MICROS);
    }

    /** The id a cursor from {@link #cursor} names; null for none. */
    public static Long idOf(String cursor) {
        return cursor == null ? null : Long.parseLong(cursor.substring(cursor.indexOf('.') + 1));
    }

    /** The filters as a query string (without the cursor unless asked), for links that keep them. */
    public String query(boolean withCursor) {
        List<String> parts = new ArrayList<>();
        add(parts, "view", view == View.ALL ? null : view.id());
        add(parts, "state", state == null ? null : state.name());
        add(parts, "category", category);
        add(parts, "unit", unit);
        add(parts, "grid", grid);
        add(parts, "priority", priority == null ? null : priority.name());
        add(parts, "overdue", overdue ? "true" : null);
        add(parts, "unrated", unrated ? "true" : null);
        add(parts, "waiting", waiting ? "true" : null);
        add(parts, "flagged", flagged ? "true" : null);
        add(parts, "tag", tag == null ? null : tag.toString());
        add(parts, "q", q);
        if (withCursor) {
            add(parts, "after", after);
        }
        return String.join("&", parts);
    }

    public String getQuery() {
        return query(false);
    }

    public String stateQuery(CaseState s) {
        return withState(s).query(false);
    }

    /** The link to a view by its name (ALL, MINE, UNASSIGNED), keeping the other filters. */
    public String tagQuery(Long t) {
        return withTag(t).query(false);
    }

    /** The filters without the label, for the chip that lifts it. */
    public String getTaglessQuery() {
        return withTag(null).query(false);
    }

    public String viewQuery(String v) {
        return withView(parse(View.class, v)).query(false);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The cursor if it is one {@link #cursor} could have written, else null. */
    public static String cursorOrNull(String s) {
        return s != null && s.matches("\\d{1,18}\\.\\d{1,19}") ? s : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
