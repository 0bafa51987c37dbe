package org.minhu.conversation.flows;

import org.minhu.flow.FlowDefinitionException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refused flow said in Chinese for the console: the line, the step it is in, and the reason. The
 * loader's and validator's reasons stay in English for developers (and the start-up log); each is
 * read here by its wording. A reason not listed is shown as it is, after the line and step.
 */
public final class FlowErrors {

    private static final Pattern STEP_ID = Pattern.compile("^\\s*-\\s+id:\\s*['\"]?([^'\"\\s#]+)");
    private static final Map<Pattern, String> REASONS = new LinkedHashMap<>();

    static {
        reason("not valid YAML: (.*)", "不是有效的 YAML（$1），请检查缩进、冒号和引号");
        reason("the file is empty", "内容为空");
        reason("unknown (\\w+) field '(.+)'", "不认识的字段「$2」");
        reason("'(.+)' is given twice", "字段「$1」写了两次");
        reason("'(.+)' is required here", "这里缺少必填字段「$1」");
        reason("step id '(.+)' is used twice", "步骤名「$1」用了两次");
        reason("start step '(.+)' does not exist", "开始步骤「$1」不存在");
        reason("steps must be a non-empty list", "steps 必须是至少一个步骤的列表");
        reason("step '(.+)' needs one of say, ask, branch, action, goto, flow, end", "步骤「$1」缺少类型（say、ask、branch、action、goto、flow 或 end）");
        reason("ask step '(.+)' needs a prompt", "提问步骤「$1」缺少提示语 prompt");
        reason("choice step '(.+)' needs options", "选择题「$1」缺少选项 options");
        reason("only a choice has options", "只有选择题（ask: choice）可以有选项");
        reason("unknown step '(.+)'", "跳转到不存在的步骤「$1」");
        reason("unknown flow '(.+)'", "跳转到不存在的流程「$1」");
        reason("unknown action '(.+?)'.*", "不存在的动作「$1」");
        reason("unknown variable '(.+)': nothing in this flow saves '(.+)'", "使用了变量「$1」，但本流程没有任何步骤保存「$2」");
        reason("action '(.+)' gives no '(.+)'; it gives (.*)", "动作「$1」不提供「$2」，只提供 $3");
        reason("message '(.+)' has no (.+) translation", "文字「$1」缺少 $2 译文（中文和英文都必须填写）");
        reason("(.+) '(.+)' in (.+) is longer than (\\d+) characters", "文字「$2」（$3）超过 $4 个字的上限");
        reason("step '(.+)' can never be reached from '(.+)'", "步骤「$1」从开始步骤「$2」永远走不到");
        reason("branch '(.+)' needs an 'else'", "条件分支「$1」缺少 else（其余情况去哪里）");
        reason("a branch case needs goto, flow or end", "条件分支的每一项都要写明去向（goto、flow 或 end）");
        reason("a chip needs goto, flow, end, dial or url", "按钮要写明去向（goto、flow、end、dial 或 url）");
        reason("a carousel shows 2–12 options, this one has (\\d+)", "卡片轮播只能有 2 到 12 个选项，这里有 $1 个");
        reason("at most (\\d+) options fit.*this one has (\\d+)", "选项最多 $1 个（还要放“返回菜单”和“转人工”），这里有 $2 个");
        reason("at most (\\d+) chips fit.*", "按钮最多 $1 个（还要放“返回菜单”和“转人工”）");
        reason("display: card needs a prompt with a title or description", "以卡片显示（display: card）的提问需要标题或描述");
        reason("min is larger than max", "最少字数大于最多字数");
        reason("pattern does not compile: (.*)", "格式 pattern 不是有效的正则表达式（$1）");
        reason("synonym '(.+)' also chooses option '(.+)'.*", "同义词「$1」同时指向选项「$2」，一个词只能对应一个选项");
        reason("edit must name an ask step of this flow, not '(.+)'", "edit 必须是本流程的提问步骤，「$1」不是");
        reason("means must be yes or no, was '(.+)'", "means 只能是 yes 或 no，这里是「$1」");
        reason("(.+) must be a whole number, was '(.+)'", "$1 必须是整数，这里是「$2」");
        reason("(.+) must be true or false", "$1 只能是 true 或 false");
        reason("(.+) must be a single value", "$1 只能是一个值");
        reason("(.+) must be a mapping", "$1 的写法不对（应为“名称: 值”的形式）");
        reason("(.+) may not be blank", "$1 不能为空");
        reason("the flow '(.+)' is required: (.*)", "流程「$1」不能删除或改名：系统依赖它（$2）");
        reason("step '(.+)' is required, a question saving '(.+)': (.*)", "步骤「$1」不能删除或改名，且必须是保存为「$2」的提问：系统依赖它（$3）");
        reason("step '(.+)' is required, calling action '(.+)': (.*)", "步骤「$1」不能删除或改名，且必须调用动作「$2」：系统依赖它（$3）");
        reason("step '(.+)' is required as the first step, a choice with its options written out: (.*)",
                "步骤「$1」必须是第一个步骤，且是写明选项的选择题：系统依赖它（$2）");
    }

    private FlowErrors() {
    }

    private static void reason(String english, String chinese) {
        REASONS.put(Pattern.compile(english), chinese);
    }

    /** "第 12 行，步骤「summary」：跳转到不存在的步骤「sumary」". */
    public static String chinese(FlowDefinitionException e, String text) {
        String step = text == null ? null : stepAt(text, e.line());
        StringBuilder out = new StringBuilder();
        if (e.line() > 0) {
            out.append("第 ").append(e.line()).append(" 行");
        }
        if (step != null) {
            out.append(out.isEmpty() ? "" : "，").append("步骤「").append(step).append("」");
        }
        if (!out.isEmpty()) {
            out.append("：");
        }
        return out.append(reason(e.reason())).toString();
    }

    /** The reason in Chinese; an unlisted one as it is. */
    public static String reason(String english) {
        for (Map.Entry<Pattern, String> entry : REASONS.entrySet()) {
            Matcher m = entry.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceAll(entry.getValue());
            }
        }
        return english;
    }

    /** The step a line of a flow's text belongs to: the last {@code - id:} at or above it, within the steps. */
    static String stepAt(String text, int line) {
        String[] lines = text.split("\n", -1);
        String step = null;
        boolean inSteps = false;
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            String l = lines[i];
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#") && !l.startsWith("-")) {
                inSteps = l.startsWith("steps:");
                step = null;
                continue;
            }
            Matcher m = STEP_ID.matcher(l);
            if (inSteps && m.find()) {
                step = m.group(1);
            }
        }
        return step;
    }
}
