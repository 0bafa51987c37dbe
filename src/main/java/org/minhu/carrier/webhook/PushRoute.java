package org.minhu.carrier.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.minhu.common.Problem;
import org.minhu.common.ProblemException;
import org.minhu.common.ProblemMappers;

import java.util.concurrent.CompletionStage;

/**
 * The two pushes the platform sends by the thousand — residents' messages and delivery reports (three
 * per message we send) — taken on Vert.x routes of their own, ahead of Quarkus's security and REST
 * handlers. Those are for staff and the API: `/5gmsg` is open to the platform and checks its own
 * signature ({@link PushGuard}), yet every push went through proactive authentication and a
 * per-request search for its path template for the metrics, about a quarter of the HTTP event loop
 * while a notice went out (docs/BENCHMARKS.md). Same checks, same answers: 204 once stored, problem+json
 * otherwise. Only {@link org.minhu.security.HttpGuard} (matrix parameters) runs before these.
 */
@ApplicationScoped
public class PushRoute {

    /** After HttpGuard ({@code MIN_VALUE + 10}), before the body, security and REST handlers. */
    static final int ORDER = Integer.MIN_VALUE + 20;

    private final PushIntake intake;
    private final ObjectMapper json;

    public PushRoute(PushIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.post("/5gmsg/messageNotification/:chatbotId/messages").order(ORDER)
                .handler(rc -> take(rc, intake::message));
        router.post("/5gmsg/deliveryNotification/:chatbotId/status").order(ORDER + 1)
                .handler(rc -> take(rc, intake::delivery));
    }

    @FunctionalInterface
    interface Push {
        CompletionStage<Void> take(String chatbotId, String signature, String timestamp, String nonce, byte[] body);
    }

    private void take(RoutingContext rc, Push push) {
        HttpServerRequest request = rc.request();
        ProblemException refused = intake.refusedByLength(request.getHeader("Content-Length"));
        if (refused != null) {
            problem(rc, refused.problem(), true);
            return;
        }
        if (rc.body().available()) { // a body handler ahead of this one has read it already
            Buffer read = rc.body().buffer();
            accept(rc, push, read == null ? new byte[0] : read.getBytes());
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (body.length() + chunk.length() > intake.maxBodyBytes()) {
                over[0] = true;
                problem(rc, intake.tooLarge().problem(), true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> Log.debugf("push not read whole: %s", e.getMessage()));
        request.endHandler(v -> {
            if (!over[0]) {
                accept(rc, push, body.getBytes());
            }
        });
        request.resume();
    }

    private void accept(RoutingContext rc, Push push, byte[] body) {
        HttpServerRequest request = rc.request();
        try {
            push.take(rc.pathParam("chatbotId"), request.getHeader("signature"), request.getHeader("timestamp"),
                    request.getHeader("nonce"), body).whenComplete((done, error) -> {
                        if (error == null) {
                            rc.response().setStatusCode(204).end();
                        } else {
                            failed(rc, error);
                        }
                    });
        } catch (RuntimeException e) {
            failed(rc, e);
        }
    }

    private void failed(RoutingContext rc, Throwable error) {
        problem(rc, ProblemMappers.of(error), false);
    }

    /** A problem document; {@code close} for a body we will not read (the connection cannot be reused). */
    private void problem(RoutingContext rc, Problem problem, boolean close) {
        if (rc.response().ended()) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            text = "{\"status\":" + problem.status() + "}";
        }
        rc.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (close) {
            rc.response().putHeader("Connection", "close");
        }
        rc.response().end(text);
    }
}
