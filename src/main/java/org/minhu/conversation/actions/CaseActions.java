package org.minhu.conversation.actions;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseLine;
import org.minhu.cases.CaseProgress;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.CaseStateException;
import org.minhu.cases.Categories;
import org.minhu.cases.Gazetteer;
import org.minhu.cases.Category;
import org.minhu.cases.NewCase;
import org.minhu.cases.Rating;
import org.minhu.cases.NearbyCase;
import org.minhu.cases.ServiceCase;
import org.minhu.conversation.ActionContext;
import org.minhu.conversation.ConversationAction;
import org.minhu.conversation.Formats;
import org.minhu.flow.Input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case actions flows call: file, find nearby, follow, list, show and rate the resident's own
 * cases, and add to or nudge one of them from its progress card.
 */
final class CaseActions {

    private CaseActions() {
    }

    static String categoryLabel(Categories categories, String code, String language) {
        return categories.find(code).map(Category::name).map(n -> n.in(language)).orElse(code);
    }

    private static Map<String, Object> item(String number, String category, CaseState state, String description,
                                            Categories categories, String language) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", number);
        item.put("label", number);
        item.put("description", categoryLabel(categories, category, language) + " · "
                + state.label(language) + "\n" + Formats.clip(description, 60));
        return item;
    }

    /** Where the problem is: the shared location, or the place a typed address names in the gazetteer; null when neither. */
    record Where(Double latitude, Double longitude) {
        static Where of(ActionContext ctx, Gazetteer gazetteer) {
            Double latitude = ctx.number("place.latitude");
            Double longitude = ctx.number("place.longitude");
            if (latitude != null && longitude != null) {
                return new Where(latitude, longitude);
            }
            return gazetteer.place(ctx.text("place.address"))
                    .map(placed -> new Where(placed.latitude(), placed.longitude()))
                    .orElse(new Where(null, null));
        }
    }

    static Input.ActionResult list(List<CaseLine> cases, Categories categories, String language) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (CaseLine c : cases) {
            items.add(item(c.number(), c.category(), c.state(), c.description(), categories, language));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", items.size());
        data.put("items", items);
        return new Input.ActionResult(items.isEmpty() ? "none" : "found", data);
    }

    @ApplicationScoped
    static class CreateCase implements ConversationAction {
        private final CaseService cases;
        private final Categories categories;
        private final Formats formats;
        private final Gazetteer gazetteer;

        CreateCase(CaseService cases, Categories categories, Formats formats, Gazetteer gazetteer) {
            this.cases = cases;
            this.categories = categories;
            this.formats = formats;
            this.gazetteer = gazetteer;
        }

        @Override
        public String name() {
            return "create-case";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number", "unit", "due", "category");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            // a typed address the gazetteer knows is placed like a shared location; one it does not is kept as typed
            Where where = Where.of(ctx, gazetteer);
            ServiceCase created = cases.file(new NewCase(ctx.phone(), ctx.text("category.value"), ctx.text("description"),
                    where.latitude(), where.longitude(), ctx.text("place.label"),
                    ctx.text("photo.path"), ctx.flowId(), ctx.flowVersion()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("number", created.getNumber());
            data.put("unit", created.getUnit());
            data.put("due", formats.time(created.getDueAt(), ctx.language()));
            data.put("category", categoryLabel(categories, created.getCategory(), ctx.language()));
            return new Input.ActionResult("created", data);
        }
    }

    @ApplicationScoped
    static class FindNearby implements ConversationAction {
        private final CaseService cases;
        private final double radius;
        private final Gazetteer gazetteer;

        FindNearby(CaseService cases, org.minhu.cases.CasesConfig config, Gazetteer gazetteer) {
            this.cases = cases;
            this.radius = config.nearbyMeters();
            this.gazetteer = gazetteer;
        }

        @Override
        public String name() {
            return "find-nearby-cases";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "count", "number", "description", "distance");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            Where where = Where.of(ctx, gazetteer);
            Double lat = where.latitude();
            Double lon = where.longitude();
            String category = ctx.text("category.value");
            Map<String, Object> data = new LinkedHashMap<>();
            List<NearbyCase> found = lat == null || lon == null || category == null ? List.of()
                    : cases.nearbyOpen(category, lat, lon, radius, ctx.phone(), 1);
            data.put("count", found.size());
            if (!found.isEmpty()) {
                NearbyCase nearest = found.get(0);
                data.put("number", nearest.number());
                data.put("description", Formats.clip(nearest.description(), 30));
                data.put("distance", Math.round(nearest.meters()));
            }
            return new Input.ActionResult(found.isEmpty() ? "none" : "found", data);
        }
    }

    @ApplicationScoped
    static class FollowCase implements ConversationAction {
        private final CaseService cases;

        FollowCase(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "follow-case";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String number = ctx.text("nearby.number");
            cases.follow(number, ctx.phone());
            return new Input.ActionResult("followed", Map.of("number", number));
        }
    }

    @ApplicationScoped
    static class ListMine implements ConversationAction {
        private final CaseService cases;
        private final Categories categories;

        ListMine(CaseService cases, Categories categories) {
            this.cases = cases;
            this.categories = categories;
        }

        @Override
        public String name() {
            return "list-my-cases";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "count", "items");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            return list(cases.listFor(ctx.phone(), null, 10), categories, ctx.language());
        }
    }

    @ApplicationScoped
    static class ListRateable implements ConversationAction {
        private final CaseService cases;
        private final Categories categories;

        ListRateable(CaseService cases, Categories categories) {
            this.cases = cases;
            this.categories = categories;
        }

        @Override
        public String name() {
            return "list-rateable-cases";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "count", "items");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            return list(cases.listFor(ctx.phone(), CaseState.RESOLVED, 10), categories, ctx.language());
        }
    }

    @ApplicationScoped
    static class ShowCase implements ConversationAction {
        private final CaseService cases;
        private final Categories categories;
        private final Formats formats;

        ShowCase(CaseService cases, Categories categories, Formats formats) {
            this.cases = cases;
            this.categories = categories;
            this.formats = formats;
        }

        @Override
        public String name() {
            return "show-case";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number", "state", "progress", "category", "place", "unit", "due", "timeline",
                    "description");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String language = ctx.language();
            // tapped from the list, picked is an option (value, label); typed, it is the text itself
            String number = ctx.text("picked.value") != null ? ctx.text("picked.value") : ctx.text("picked");
            String typed = number == null ? "" : Formats.clip(number.strip().toUpperCase(java.util.Locale.ROOT), 30);
            return cases.forResident(ctx.phone(), number).map(c -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("number", c.getNumber());
                data.put("state", c.getState().label(language));
                data.put("progress", CaseProgress.bar(c, language));
                data.put("category", categoryLabel(categories, c.getCategory(), language));
                data.put("place", c.getAddress() == null ? "" : c.getAddress());
                data.put("unit", c.getUnit());
                data.put("due", formats.time(c.getDueAt(), language));
                data.put("description", Formats.clip(c.getDescription(), 200));
                List<String> lines = new ArrayList<>();
                // what the resident may read: the entries their audience sees, each with its kind and the
                // text written for them, never the staff's note (reasons, internal notes, escalations)
                for (CaseEvent event : cases.history(c)) {
                    if (!event.getKind().shownTo(CaseEvent.Audience.RESIDENT)) {
                        continue;
                    }
                    lines.add(formats.time(event.getAt(), language) + " " + event.getKind().label(language)
                            + (event.getPublicText() == null ? "" : "：" + Formats.clip(event.getPublicText(), 60)));
                }
                data.put("timeline", String.join("\n", lines));
                return new Input.ActionResult("found", data);
            // another resident's number reads exactly like one that does not exist: "you have no request X"
            }).orElseGet(() -> new Input.ActionResult("not-found", Map.of("number", typed)));
        }
    }

    @ApplicationScoped
    static class RateCase implements ConversationAction {
        private final CaseService cases;

        RateCase(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "rate-case";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String number = ctx.text("target.value");
            Rating rating = Rating.valueOf(ctx.text("rating.value"));
            try {
                cases.rate(ctx.phone(), number, rating, ctx.text("reason"));
            } catch (CaseStateException e) {
                return new Input.ActionResult("refused", Map.of("number", number));
            }
            return new Input.ActionResult(rating == Rating.UNSATISFIED ? "reopened" : "rated", Map.of("number", number));
        }
    }

    /** The case a progress card's 补充材料 / 催一下 chip names: the resident's own, as their number, with its state. */
    static Map<String, Object> about(ServiceCase c, String language) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("number", c.getNumber());
        data.put("state", c.getState().label(language));
        data.put("unit", c.getUnit());
        return data;
    }

    static String typed(String number) {
        return number == null ? "" : Formats.clip(number.strip().toUpperCase(java.util.Locale.ROOT), 30);
    }

    /** Before asking for material: is the case the resident's own, and still open? Reads {@code adding}. */
    @ApplicationScoped
    static class CheckAddable implements ConversationAction {
        private final CaseService cases;

        CheckAddable(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "check-addable";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number", "state", "unit");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String number = ctx.text("adding");
            return cases.forResident(ctx.phone(), number)
                    .map(c -> new Input.ActionResult(c.isOpen() ? "open" : "closed", about(c, ctx.language())))
                    .orElseGet(() -> new Input.ActionResult("not-found", Map.of("number", typed(number))));
        }
    }

    /**
     * 补充材料: appends what the resident sent ({@code addition}: a text, or a file with its
     * {@code path}, {@code type}, {@code name}) to the case {@code adding} names.
     */
    @ApplicationScoped
    static class AddToCase implements ConversationAction {
        private final CaseService cases;

        AddToCase(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "add-to-case";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number", "state", "unit");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String number = ctx.text("adding");
            Object sent = ctx.vars().get("addition");
            CaseService.Addition addition = sent instanceof Map<?, ?>
                    ? CaseService.Addition.file(ctx.text("addition.path"), ctx.text("addition.type"), ctx.text("addition.name"))
                    : CaseService.Addition.text(ctx.text("addition"));
            return result(cases.addByResident(ctx.phone(), number, addition), "added", number, ctx.language());
        }
    }

    /** An addition's or a nudge's outcome as the flow reads it: {@code done} names what was done. */
    static Input.ActionResult result(CaseService.Result result, String done, String number, String language) {
        return switch (result.outcome()) {
            case DONE -> new Input.ActionResult(done, about(result.serviceCase(), language));
            case ALREADY_TODAY -> new Input.ActionResult("already", about(result.serviceCase(), language));
            case CLOSED -> new Input.ActionResult("closed", about(result.serviceCase(), language));
            case NOT_FOUND -> new Input.ActionResult("not-found", Map.of("number", typed(number)));
        };
    }

    /** 催一下: nudges the case {@code nudging} names, once a day. */
    @ApplicationScoped
    static class NudgeCase implements ConversationAction {
        private final CaseService cases;

        NudgeCase(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "nudge-case";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "number", "state", "unit");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            String number = ctx.text("nudging");
            return result(cases.nudge(ctx.phone(), number), "nudged", number, ctx.language());
        }
    }
}
