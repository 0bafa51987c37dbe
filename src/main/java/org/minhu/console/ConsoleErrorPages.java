package org.minhu.console;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.minhu.common.Problem;

import java.util.Map;

/**
 * A refusal or failure on a console page, in a browser, is a console page: the navigation, what
 * happened in Chinese and where to go, with the same status (404, 403, 500 …). API clients and
 * scripts (no {@code text/html} in Accept) keep the problem document; an htmx request for a part
 * of a page gets one line to show in place.
 */
@ApplicationScoped
public class ConsoleErrorPages {

    record Wording(String heading, String advice) {
    }

    static final Map<Integer, Wording> WORDINGS = Map.of(
            400, new Wording("请求有误", "提交的内容不完整或格式不对，请返回上一页检查后再试。"),
            403, new Wording("没有权限", "这个页面或这件诉求不在您的权限范围内。如需查看，请联系督办员或管理员。"),
            404, new Wording("找不到这个页面", "链接可能有误，或者这条记录已不存在。"),
            409, new Wording("操作未能完成", "这条记录已被他人处理或状态已变化，请刷新后再试。"),
            500, new Wording("系统出错了", "请求没有完成，错误已记录。请稍后再试，问题持续请联系管理员。"));

    private final Template error;
    private final Template bare;

    public ConsoleErrorPages(@Location("ConsoleErrorPages/error.html") Template error,
                             @Location("ConsoleErrorPages/bare.html") Template bare) {
        this.error = error;
        this.bare = bare;
    }

    static Wording wording(int status) {
        Wording w = WORDINGS.get(status);
        if (w != null) {
            return w;
        }
        return status >= 500 ? WORDINGS.get(500) : new Wording("无法完成请求", "请返回上一页再试。");
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        Object entity = response.getEntity();
        if (status < 400 || !(entity == null || entity instanceof Problem) || !request.getUriInfo().getPath().startsWith("/console")) {
            return;
        }
        String accept = request.getHeaderString("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return;
        }
        Wording w = wording(status);
        String html;
        if ("true".equals(request.getHeaderString("HX-Request")) && !"true".equals(request.getHeaderString("HX-Boosted"))) {
            html = "<p class=\"flash error\" role=\"alert\">" + w.heading() + "：" + w.advice() + "</p>";
        } else {
            try {
                html = error.data("status", status).data("heading", w.heading()).data("advice", w.advice()).render();
            } catch (RuntimeException noNavigation) {
                // someone without a console role: the page without the navigation
                Log.debugf(noNavigation, "error page without navigation");
                html = bare.data("status", status).data("heading", w.heading()).data("advice", w.advice()).render();
            }
        }
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
