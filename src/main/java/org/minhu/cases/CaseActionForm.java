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
        /**
         * A photo, posted with the form; the API names one staff uploaded before (a path in
         * {@link org.minhu.common.StaffPhotos#FOLDER}), never a resident's file.
         */
        PHOTO,
        /** One of a list ({@link Choices}): a type, a class, a reason, a result. */
        CHOICE
    }

    /**
     * The lists a {@link Kind#CHOICE} field offers, and how a channel's text becomes the value (400,
     * in Chinese, for one not on the list; the decline reasons are the dispatch rules', checked by
     * the lifecycle, which knows them).
     */
    public enum Choices {
        REQUEST_TYPE, HANDLING_CLASS, DECLINE_REASON, CALL_BACK_RESULT,
        /** 复查: passed (yes, true) or not (no, false). */
        REVIEW_RESULT;

        Object read(Field field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String value = text.strip();
            return switch (this) {
                case REQUEST_TYPE -> choice(RequestType.class, value, field);
                case HANDLING_CLASS -> choice(HandlingClass.class, value, field);
                case CALL_BACK_RESULT -> choice(CallBackResult.class, value, field);
                case DECLINE_REASON -> value;
                case REVIEW_RESULT -> switch (value) {
                    case "yes", "true" -> Boolean.TRUE;
                    case "no", "false" -> Boolean.FALSE;
                    default -> throw org.minhu.common.ProblemException.badRequest(field.json(), "请从列表中选择" + field.label());
                };
            };
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String value, Field field) {
            return java.util.Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                    .orElseThrow(() -> org.minhu.common.ProblemException.badRequest(field.json(), "请从列表中选择" + field.label()));
        }
    }

    /** The part of {@link CaseLifecycle.Details} a field fills, which also fixes the type a channel reads it as. */
    public enum Into {
        UNIT, ASSISTING_UNITS, TEXT, PUBLIC_REPLY, PHOTO_PATH, UNTIL, PARENT, ASSIGNEE, TAG,
        REQUEST_TYPE, HANDLING_CLASS, REASON, CALL_BACK_RESULT, PASSED
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
                        boolean asked, int maxLength, Into into, Choices choices) {

        public Field json(String apiName) {
            return new Field(name, apiName, kind, label, placeholder, required, asked, maxLength, into, choices);
        }

        public Field maxLength(int max) {
            return new Field(name, json, kind, label, placeholder, required, asked, max, into, choices);
        }

        /** Asked for by the page, though the service takes the action without it. */
        public Field optionalToTheService() {
            return new Field(name, json, kind, label, placeholder, false, true, maxLength, into, choices);
        }
    }

    public static Field required(String name, Kind kind, String label, String placeholder, Into into) {
        return new Field(name, name, kind, label, placeholder, true, true, 0, into, null);
    }

    public static Field optional(String name, Kind kind, String label, String placeholder, Into into) {
        return new Field(name, name, kind, label, placeholder, false, false, 0, into, null);
    }

    /** A required choice from one of the {@link Choices} lists. */
    public static Field choice(String name, String label, Choices choices, Into into) {
        return new Field(name, name, Kind.CHOICE, label, null, true, true, 0, into, choices);
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

    /**
     * The details from the fields as a channel read them, each already of its {@link Into}'s type (or
     * null) but for a choice, which a channel gives as the text posted and which is read here.
     */
    @SuppressWarnings("unchecked")
    public CaseLifecycle.Details details(Function<Field, Object> value) {
        Object[] parts = new Object[Into.values().length];
        for (Field f : fields) {
            Object v = value.apply(f);
            parts[f.into().ordinal()] = f.kind() == Kind.CHOICE && (v == null || v instanceof String)
                    ? f.choices().read(f, (String) v) : v;
        }
        List<String> assisting = (List<String>) parts[Into.ASSISTING_UNITS.ordinal()];
        return new CaseLifecycle.Details((String) parts[Into.UNIT.ordinal()], assisting == null ? List.of() : assisting,
                (String) parts[Into.TEXT.ordinal()], (String) parts[Into.PUBLIC_REPLY.ordinal()],
                (String) parts[Into.PHOTO_PATH.ordinal()], (Instant) parts[Into.UNTIL.ordinal()],
                (String) parts[Into.PARENT.ordinal()], (String) parts[Into.ASSIGNEE.ordinal()],
                (Long) parts[Into.TAG.ordinal()], (RequestType) parts[Into.REQUEST_TYPE.ordinal()],
                (HandlingClass) parts[Into.HANDLING_CLASS.ordinal()], (String) parts[Into.REASON.ordinal()],
                (CallBackResult) parts[Into.CALL_BACK_RESULT.ordinal()], (Boolean) parts[Into.PASSED.ordinal()]);
    }
}
