package org.minhu.cases;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What staff send along with an action, described once for every channel: the console's address
 * ({@code /console/cases/{n}/<slug>}) and the API's ({@code /api/cases/{n}/<api>}), the button and the
 * heading of its form, the fields, and what each field becomes in {@link CaseLifecycle.Details}. The
 * console's generic endpoint, the API's and the case page's {@code caseForm} tag read it, so an action
 * with a form needs nothing more than its {@link CaseAction} constant, its rows in
 * {@link CasePermissions} and its handling in {@link CaseLifecycle#perform}.
 *
 * @param done what the console says once it is done (none: the page itself shows the change)
 * @param open whether the page shows the form unfolded (the step the case usually waits for)
 */
public record CaseActionForm(String slug, String api, String title, String button, Style style, boolean open,
                             String done, List<Field> fields) {

    /** How a field is shown on the page. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        TEXTAREA,
        /** A unit from the dispatch rules, the case's own chosen first. */
        UNIT,
        /** A unit to send the case to: none chosen first. */
        OTHER_UNIT,
        DATETIME,
        /** A colleague of the case's unit other than its assignee. */
        ASSIGNEE,
        /** A label (标签) defined by admins. */
        TAG,
        /** A photo, posted with the form (the console only: the API has no upload). */
        PHOTO
    }

    /** The part of {@link CaseLifecycle.Details} a field fills, which also fixes the type a channel reads it as. */
    public enum Into {
        UNIT, ASSISTING_UNITS, TEXT, PUBLIC_REPLY, PHOTO_PATH, UNTIL, PARENT, ASSIGNEE, TAG
    }

    /** The colour of the button: the usual next step, a plain one, or one that undoes work. */
    public enum Style {
        PLAIN(""), PRIMARY("primary"), DANGER("danger");

        private final String css;

        Style(String css) {
            this.css = css;
        }

        public String css() {
            return css;
        }
    }

    /**
     * One field. {@code name} is the form's, {@code json} the API's (the same but where the API kept an
     * older name); {@code label} names it for screen readers (and heads a photo); {@code required} is what
     * the service refuses to do without; {@code asked} what the page insists on, which is the same but for
     * a rejected extension's reason, asked for by the page and optional to the service.
     */
    public record Field(String name, String json, Kind kind, String label, String placeholder, boolean required,
                        boolean asked, int maxLength, Into into) {

        public Field json(String apiName) {
            return new Field(name, apiName, kind, label, placeholder, required, asked, maxLength, into);
        }

        public Field maxLength(int max) {
            return new Field(name, json, kind, label, placeholder, required, asked, max, into);
        }

        /** Asked for by the page, though the service takes the action without it. */
        public Field optionalToTheService() {
            return new Field(name, json, kind, label, placeholder, false, true, maxLength, into);
        }
    }

    public static Field required(String name, Kind kind, String label, String placeholder, Into into) {
        return new Field(name, name, kind, label, placeholder, true, true, 0, into);
    }

    public static Field optional(String name, Kind kind, String label, String placeholder, Into into) {
        return new Field(name, name, kind, label, placeholder, false, false, 0, into);
    }

    /** A form with a field or more, folded until opened. */
    public static CaseActionForm asking(String slug, String api, String title, String button, Style style, String done,
                                      Field... fields) {
        return new CaseActionForm(slug, api, title, button, style, false, done, List.of(fields));
    }

    /** A single button: nothing to fill in. */
    public static CaseActionForm button(String slug, String api, String button, Style style, String done) {
        return new CaseActionForm(slug, api, button, button, style, false, done, List.of());
    }

    public CaseActionForm unfolded() {
        return new CaseActionForm(slug, api, title, button, style, true, done, fields);
    }

    /** Posted with the photo it may carry (multipart), or as a plain form. */
    public boolean isMultipart() {
        return fields.stream().anyMatch(f -> f.kind() == Kind.PHOTO);
    }

    /** Whether the API needs a body at all: a field the service cannot do without. */
    public boolean needsBody() {
        return fields.stream().anyMatch(Field::required);
    }

    /** The details from the fields as a channel read them, each already of its {@link Into}'s type (or null). */
    @SuppressWarnings("unchecked")
    public CaseLifecycle.Details details(Function<Field, Object> value) {
        Object[] parts = new Object[Into.values().length];
        for (Field f : fields) {
            parts[f.into().ordinal()] = value.apply(f);
        }
        List<String> assisting = (List<String>) parts[Into.ASSISTING_UNITS.ordinal()];
        return new CaseLifecycle.Details((String) parts[Into.UNIT.ordinal()], assisting == null ? List.of() : assisting,
                (String) parts[Into.TEXT.ordinal()], (String) parts[Into.PUBLIC_REPLY.ordinal()],
                (String) parts[Into.PHOTO_PATH.ordinal()], (Instant) parts[Into.UNTIL.ordinal()],
                (String) parts[Into.PARENT.ordinal()], (String) parts[Into.ASSIGNEE.ordinal()],
                (Long) parts[Into.TAG.ordinal()]);
    }
}
