package org.minhu.console;

import org.minhu.common.Problem;
import org.minhu.common.ProblemException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's refusal as staff read it on a page: what kind of refusal, which field in their own
 * words, and the service's detail, so they know what to change. Never a stack trace.
 */
final class Refusals {

    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)](.*)");

    private Refusals() {
    }

    static String message(ProblemException refused) {
        Problem problem = refused.problem();
        String lead = switch (problem.status()) {
            case 400 -> problem.field() == null ? "请检查填写的内容" : "请检查“" + field(problem.field()) + "”";
            case 403 -> "您的角色不能执行此操作";
            case 404 -> "找不到要操作的对象，可能已被删除";
            case 409 -> "当前状态不允许此操作，页面已刷新为最新状态";
            default -> "操作未完成";
        };
        String detail = problem.status() == 400 ? detail(problem) : problem.detail();
        if (detail == null || !CJK.matcher(detail).find()) {
            // the service's own words are for developers: staff read only what is said in Chinese
            return lead;
        }
        return lead + "：" + detail;
    }

    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern OVER = Pattern.compile(".* is over (\\d+) characters");
    private static final Pattern AFTER_COLON = Pattern.compile("[^:]*: (.*)");

    /** What to fix, in Chinese, for the service's usual 400s. */
    static String detail(Problem problem) {
        String d = problem.detail() == null ? "" : problem.detail();
        String what = problem.field() == null ? "内容" : field(problem.field());
        if (CJK.matcher(d).find()) {
            return d;
        }
        if (d.endsWith(" is required") || d.endsWith(" is empty") || d.contains(" is required:")) {
            return "请填写" + what;
        }
        if (d.contains("needs exactly one of flow, url and dial")) {
            return "请为" + what + "选择一个去向：对话、https:// 链接或电话号码，三者选一";
        }
        Matcher over = OVER.matcher(d);
        if (over.matches()) {
            return what + "不能超过 " + over.group(1) + " 个字";
        }
        if (d.startsWith("no conversation flow ")) {
            return "没有这个对话：" + d.substring("no conversation flow ".length());
        }
        if (d.contains("must be an http(s) address")) {
            return what + "须是以 http:// 或 https:// 开头的地址";
        }
        if (d.startsWith("not a phone number")) {
            Matcher m = AFTER_COLON.matcher(d);
            return "不是有效的电话号码" + (m.matches() ? "：" + m.group(1) : "");
        }
        if (d.startsWith("a notice has at most")) {
            return "一条通知最多 4 个按钮";
        }
        if (d.contains("content type must be image")) {
            return "图片格式须是 JPEG、PNG 或 GIF";
        }
        if (d.startsWith("the image must be")) {
            return "图片大小不符合平台要求";
        }
        if (d.startsWith("unknown ") || d.startsWith("no case ")) {
            return what + "不存在，请重新选择";
        }
        if (d.startsWith("say where") || d.startsWith("say which")) {
            return "请至少选择一项：" + what;
        }
        if (d.startsWith("a place needs")) {
            return "按位置选择时，请同时填写纬度、经度和半径";
        }
        if (d.startsWith("at most")) {
            return what + "数量超过上限";
        }
        if (d.startsWith("a notice needs")) {
            return "通知需要标题、正文和接收对象";
        }
        return null;
    }

    /** {@code chips[1].label} → 第 2 个按钮的文字. */
    static String field(String field) {
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            int nth = Integer.parseInt(indexed.group(2)) + 1;
            String what = switch (indexed.group(1)) {
                case "chips" -> "第 " + nth + " 个按钮";
                case "audience.phones" -> "第 " + nth + " 个手机号";
                default -> indexed.group(1) + " 第 " + nth + " 项";
            };
            return what + switch (indexed.group(3)) {
                case ".label" -> "的文字";
                case ".flow", ".url", ".dial" -> "的去向";
                default -> "";
            };
        }
        return switch (field) {
            case "title" -> "标题";
            case "text" -> "正文";
            case "chips" -> "按钮";
            case "card" -> "卡片";
            case "topic" -> "通知主题";
            case "image.url", "image.contentType", "image.size" -> "图片";
            case "audience.kind" -> "接收对象";
            case "audience.area", "audience.latitude" -> "区域";
            case "audience.category" -> "诉求类别";
            case "audience.case" -> "诉求编号";
            case "audience.topic" -> "订阅主题";
            case "audience.phones" -> "手机号";
            case "audience.since" -> "起始时间";
            default -> field;
        };
    }
}
