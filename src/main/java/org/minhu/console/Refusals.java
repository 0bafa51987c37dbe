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
        return problem.detail() == null ? lead : lead + "：" + problem.detail();
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
