package org.minhu.conversation.actions;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.conversation.ActionContext;
import org.minhu.conversation.ConversationAction;
import org.minhu.conversation.Handoff;
import org.minhu.conversation.HandoffRepository;
import org.minhu.flow.Input;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.knowledge.KnowledgeMatch;
import org.minhu.reference.LocalizedText;
import org.minhu.resident.ResidentRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answering from the knowledge base, and handing the conversation to a person. */
final class ServiceActions {

    private ServiceActions() {
    }

    @ApplicationScoped
    static class SearchKnowledge implements ConversationAction {
        private final KnowledgeBase knowledge;
        private final CaseService cases;

        SearchKnowledge(KnowledgeBase knowledge, CaseService cases) {
            this.knowledge = knowledge;
            this.cases = cases;
        }

        @Override
        public String name() {
            return "search-knowledge";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "found", "question", "answer", "count", "contact", "phone");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            List<KnowledgeMatch> matches = knowledge.search(ctx.text("question"), ctx.language());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("found", !matches.isEmpty());
            data.put("count", matches.size());
            if (!matches.isEmpty()) {
                KnowledgeMatch best = matches.get(0);
                data.put("question", best.question());
                data.put("answer", best.answer());
                data.put("contact", best.contact());
                if (best.entry().phone() != null) {
                    data.put("phone", best.entry().phone());
                }
                // a question answered counts as a consultation (咨询), closed at once
                cases.recordConsultation(ctx.phone(), ctx.text("question"), best.question(), NewCase.CHANNEL_5G);
            }
            return new Input.ActionResult(matches.isEmpty() ? "none" : "found", data);
        }
    }

    @ApplicationScoped
    static class HandOff implements ConversationAction {
        private final HandoffRepository handoffs;
        private final ResidentRepository residents;

        private final org.minhu.conversation.WorkingHours hours;

        HandOff(HandoffRepository handoffs, ResidentRepository residents, org.minhu.conversation.WorkingHours hours) {
            this.handoffs = handoffs;
            this.residents = residents;
            this.hours = hours;
        }

        @Override
        public String name() {
            return "hand-off";
        }

        @Override
        public Set<String> outputs() {
            return Set.of("outcome", "position", "wait", "open", "opens", "hours", "service");
        }

        @Override
        public Input.ActionResult run(ActionContext ctx) {
            org.minhu.conversation.WorkingHours.Status status =
                    hours.status(org.minhu.conversation.WorkingHours.LIVE_CHAT, ctx.now());
            if (!status.open() && handoffs.openFor(ctx.phone()).isEmpty()) {
                // nobody to answer now: say when someone will, and the bot keeps serving
                return new Input.ActionResult("closed", Map.of("open", false, "opens", status.opens(),
                        "hours", status.hours(), "service", status.name()));
            }
            Handoff handoff = handoffs.openFor(ctx.phone()).orElseGet(() -> {
                Handoff created = new Handoff(ctx.phone(), ctx.flowId(), ctx.now());
                handoffs.persist(created);
                return created;
            });
            residents.current(ctx.phone()).ifPresent(r -> r.handOver(true, ctx.now()));
            long ahead = handoffs.ahead(handoff);
            // "前面还有 0 位" reads oddly: say how many wait only when some do
            String wait = ahead == 0 ? "" : LocalizedText.isEnglish(ctx.language()) ? "; " + ahead + " ahead of you"
                    : "，前面还有 " + ahead + " 位";
            return new Input.ActionResult("queued", Map.of("position", ahead, "wait", wait, "open", true));
        }
    }
}
