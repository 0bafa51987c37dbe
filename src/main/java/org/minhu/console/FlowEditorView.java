package org.minhu.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minhu.flow.Flow;
import org.minhu.flow.FlowDefinitionException;
import org.minhu.flow.FlowGraph;
import org.minhu.flow.FlowLoader;
import org.minhu.flow.Messages;
import org.minhu.flow.Step;
import org.minhu.flow.Transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * What the flow editor shows of a text: its steps with their texts in every language side by side,
 * and the graph of its steps (ECharts option), with the steps that cannot be reached or cannot end
 * named. Built from the text as parsed, not validated, so a refused text is still drawn.
 */
public record FlowEditorView(List<StepView> steps, String graph, List<String> unreachable, List<String> deadEnds,
                             List<String> languages) {

    /** One text of a step: its key and its template per language (empty when missing). */
    public record TextView(String key, String what, List<LangText> texts) {
    }

    public record LangText(String language, String label, String text, boolean missing) {
    }

    /** One option of a choice: value, synonyms and where it leads, beside its label's texts. */
    public record OptionView(String value, String synonyms, String leads) {
    }

    public record StepView(String id, String kind, int line, List<TextView> texts, List<OptionView> options,
                           String leads, boolean unreachable, boolean deadEnd) {
    }

    static FlowEditorView of(String flowId, String text, Messages shared, List<String> languages, ObjectMapper json) {
        Flow flow;
        try {
            flow = FlowLoader.parseFlow(flowId + ".yaml", text);
        } catch (FlowDefinitionException e) {
            return null;
        }
        Messages messages = shared.with(flow.texts());
        FlowGraph graph = new FlowGraph(flow);
        List<StepView> steps = new ArrayList<>();
        for (Step step : flow.orderedSteps()) {
            List<TextView> texts = new ArrayList<>();
            for (String key : FlowGraph.keys(step)) {
                List<LangText> langs = new ArrayList<>();
                for (String language : languages) {
                    boolean has = messages.has(language, key);
                    langs.add(new LangText(language, language.startsWith("zh") ? "中文" : "English",
                            has ? messages.template(language, key) : "", !has));
                }
                texts.add(new TextView(key, what(step, key), langs));
            }
            List<OptionView> options = new ArrayList<>();
            String leads = null;
            if (step instanceof Step.Ask ask) {
                ask.options().forEach(o -> options.add(new OptionView(o.value(), String.join("、", o.synonyms()),
                        o.to() != null ? leads(o.to()) : o.edit() != null ? "改写 " + o.edit() : "下一步")));
                if (ask.optionsFrom() != null) {
                    leads = "选项来自 " + ask.optionsFrom();
                }
            }
            steps.add(new StepView(step.id(), FlowGraph.kind(step), step.line(), texts, options, leads,
                    graph.unreachable().contains(step.id()), graph.deadEnds().contains(step.id())));
        }
        return new FlowEditorView(steps, chart(flow, graph, json), List.copyOf(graph.unreachable()),
                List.copyOf(graph.deadEnds()), languages);
    }

    private static String what(Step step, String key) {
        if (step instanceof Step.Ask ask) {
            for (Step.Option o : ask.options()) {
                if (key.equals(o.label())) {
                    return "选项 " + o.value();
                }
                if (key.equals(o.description())) {
                    return "选项说明 " + o.value();
                }
            }
            if (key.equals(ask.invalid())) {
                return "答错时";
            }
            if (ask.prompt() != null && ask.prompt().chips().stream().anyMatch(c -> key.equals(c.label()))) {
                return "按钮";
            }
            return ask.prompt() != null && key.equals(ask.prompt().title()) ? "标题" : "提问";
        }
        return "文字";
    }

    private static String leads(Transition t) {
        if (t.end()) {
            return "结束";
        }
        return t.flow() != null ? "流程 " + t.flow() : "步骤 " + t.step();
    }

    /** Steps in columns by their distance from the start; the end and other flows as nodes of their own. */
    private static String chart(Flow flow, FlowGraph graph, ObjectMapper json) {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(flow.start()));
        depth.put(flow.start(), 0);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            for (FlowGraph.Edge e : graph.edges()) {
                if (e.from().equals(id) && e.step() != null && flow.step(e.step()) != null && !depth.containsKey(e.step())) {
                    depth.put(e.step(), depth.get(id) + 1);
                    todo.add(e.step());
                }
            }
        }
        int max = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, Integer> rows = new HashMap<>();
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "graph").put("layout", "none").put("roam", true).put("edgeSymbolSize", 7);
        series.putArray("edgeSymbol").add("none").add("arrow");
        series.putObject("label").put("show", true).put("fontSize", 11);
        ArrayNode data = series.putArray("data");
        Map<String, String> nodes = new LinkedHashMap<>();
        for (Step step : flow.orderedSteps()) {
            int d = depth.getOrDefault(step.id(), max + 1);
            int row = rows.merge(d, 1, Integer::sum);
            String color = graph.unreachable().contains(step.id()) ? "#dc2626"
                    : graph.deadEnds().contains(step.id()) ? "#f59e0b" : step.id().equals(flow.start()) ? "#1d4ed8" : "#60a5fa";
            ObjectNode node = data.addObject().put("name", step.id()).put("x", d * 150).put("y", row * 60)
                    .put("symbolSize", 16).put("value", FlowGraph.kind(step));
            node.putObject("itemStyle").put("color", color);
            nodes.put(step.id(), step.id());
        }
        ArrayNode links = series.putArray("links");
        int extra = 0;
        for (FlowGraph.Edge e : graph.edges()) {
            String target = e.step() != null ? e.step() : e.end() ? "（结束）" : "→ " + e.flow();
            if (!nodes.containsKey(target)) {
                if (e.step() != null) {
                    continue; // a step that does not exist: the check names it
                }
                extra++;
                ObjectNode node = data.addObject().put("name", target).put("x", (max + 2) * 150).put("y", extra * 60)
                        .put("symbolSize", 12).put("symbol", "roundRect");
                node.putObject("itemStyle").put("color", e.end() ? "#16a34a" : "#6b7280");
                nodes.put(target, target);
            }
            ObjectNode link = links.addObject().put("source", e.from()).put("target", target);
            if (e.label() != null && !e.label().isEmpty()) {
                link.put("value", e.label());
            }
        }
        return option.toString();
    }

}
