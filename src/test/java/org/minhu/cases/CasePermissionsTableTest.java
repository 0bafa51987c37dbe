package org.minhu.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minhu.console.ConsoleSession;
import org.minhu.console.TestCases;
import org.minhu.resident.ResidentRepository;
import org.minhu.security.DemoAccounts;
import org.minhu.security.Role;
import org.minhu.testing.MockCarrierResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from {@link CasePermissions#table()}: every action and read, for every role and every
 * relation a person's unit can have to a case (lead, assisting, none), through {@code /api/cases} and
 * through the console. The case is first put in the state the action needs (and, for the actions
 * only the owner may take, accepted by the person trying), so that only the table decides: allowed
 * gives 2xx and the history gains the action's entry; refused gives 403 and neither the state nor
 * the history changes. An action a channel has no endpoint for is listed in {@link #API} or
 * {@link #CONSOLE} as absent, and the test checks that every action has an endpoint in at least one.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CasePermissionsTableTest {

    /** Who tries, and how their unit stands to the (municipal) case they try it on. */
    enum Who {
        OPERATOR("operator", Role.OPERATOR, CasePermissions.Relation.NONE),
        LEAD_HANDLER("handler", Role.HANDLER, CasePermissions.Relation.LEAD),
        ASSISTING_HANDLER("handler-env", Role.HANDLER, CasePermissions.Relation.ASSISTING),
        OTHER_UNIT_HANDLER("handler-env", Role.HANDLER, CasePermissions.Relation.NONE),
        SUPERVISOR("supervisor", Role.SUPERVISOR, CasePermissions.Relation.NONE),
        ADMIN("admin", Role.ADMIN, CasePermissions.Relation.NONE);

        final String user;
        final Role role;
        final CasePermissions.Relation relation;

        Who(String user, Role role, CasePermissions.Relation relation) {
            this.user = user;
            this.role = role;
            this.relation = relation;
        }
    }

    /** One request: method, path after the case's base, and the body (JSON for the API, form fields for the console). */
    record Call(String method, String path, Map<String, String> body) {
        static Call get(String path) {
            return new Call("GET", path, Map.of());
        }

        static Call post(String path, String... fields) {
            Map<String, String> body = new HashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                body.put(fields[i], fields[i + 1]);
            }
            return new Call("POST", path, body);
        }
    }

    /** A 不予受理 reason from the shipped dispatch rules. */
    static final String DECLINE_REASON = "litigation";
    static final String PHOTO = "permission-test/photo.jpg";
    /** A photo staff uploaded (the public folder): the only kind the API takes for a 复查. */
    static final String STAFF_PHOTO = "resolutions/permission-test/review.jpg";
    /** A second handler of the lead unit, whom cases are assigned and passed to. */
    static final String COLLEAGUE = "handler-2";

    static final Map<CaseAction, Function<String, Call>> API = new EnumMap<>(CaseAction.class);
    static final Map<CaseAction, Function<String, Call>> CONSOLE = new EnumMap<>(CaseAction.class);

    static {
        API.put(CaseAction.READ_CASE, p -> Call.get(""));
        API.put(CaseAction.READ_HISTORY, p -> Call.get("/history"));
        API.put(CaseAction.NOTE, p -> Call.post("/notes", "reason", "内部备注：已电话联系"));
        API.put(CaseAction.DISPATCH, p -> Call.post("/dispatch", "unit", TestCases.ENVIRONMENT_UNIT));
        API.put(CaseAction.ACCEPT, p -> Call.post("/accept"));
        API.put(CaseAction.START, p -> Call.post("/start"));
        API.put(CaseAction.RESOLVE, p -> Call.post("/resolve", "whatWasDone", "已更换灯泡", "publicReply", "路灯已修好"));
        API.put(CaseAction.RETURN, p -> Call.post("/return", "reason", "不属于本单位"));
        API.put(CaseAction.TRANSFER, p -> Call.post("/transfer", "unit", TestCases.ENVIRONMENT_UNIT, "reason", "属环卫"));
        API.put(CaseAction.REOPEN, p -> Call.post("/reopen", "reason", "居民反映仍未修好"));
        API.put(CaseAction.ARCHIVE, p -> Call.post("/archive"));
        API.put(CaseAction.PAUSE, p -> Call.post("/pause", "reason", "等待居民补充材料"));
        API.put(CaseAction.RESUME, p -> Call.post("/resume"));
        API.put(CaseAction.REQUEST_EXTENSION, p -> Call.post("/extension", "until", "2099-01-01T00:00:00Z", "reason", "需采购配件"));
        API.put(CaseAction.APPROVE_EXTENSION, p -> Call.post("/extension/approve"));
        API.put(CaseAction.REJECT_EXTENSION, p -> Call.post("/extension/reject", "reason", "理由不足"));
        API.put(CaseAction.LINK, p -> Call.post("/link", "parent", p));
        API.put(CaseAction.CLASSIFY, p -> Call.post("/classify", "requestType", "SUGGESTION", "handlingClass", "KEY"));
        API.put(CaseAction.DECLINE, p -> Call.post("/decline", "reason", DECLINE_REASON));
        API.put(CaseAction.CALL_BACK, p -> Call.post("/call-back", "result", "UNREACHABLE"));
        API.put(CaseAction.REVIEW, p -> Call.post("/review", "passed", "true", "photoPath", STAFF_PHOTO));
        API.put(CaseAction.OPINION, p -> Call.post("/opinion", "text", "牵头单位会同协办单位三日内现场核查，一周内拿出方案"));
        API.put(CaseAction.TAKE, p -> Call.post("/take"));
        API.put(CaseAction.ASSIGN, p -> Call.post("/assign", "assignee", COLLEAGUE));
        API.put(CaseAction.PASS, p -> Call.post("/pass", "assignee", COLLEAGUE));
        API.put(CaseAction.TAG, p -> Call.post("/tag", "tag", p));
        API.put(CaseAction.UNTAG, p -> Call.post("/untag", "tag", p));

        CONSOLE.put(CaseAction.READ_CASE, p -> Call.get(""));
        CONSOLE.put(CaseAction.READ_HISTORY, p -> Call.get(""));
        CONSOLE.put(CaseAction.READ_CONVERSATION, p -> Call.get("/conversation"));
        CONSOLE.put(CaseAction.READ_MEDIA, p -> Call.get("/photo"));
        CONSOLE.put(CaseAction.NOTE, p -> Call.post("/note", "text", "内部备注：已电话联系"));
        CONSOLE.put(CaseAction.REPLY, p -> Call.post("/reply", "text", "您好，已安排人员处理"));
        CONSOLE.put(CaseAction.DISPATCH, p -> Call.post("/dispatch", "unit", TestCases.ENVIRONMENT_UNIT));
        CONSOLE.put(CaseAction.ACCEPT, p -> Call.post("/accept"));
        CONSOLE.put(CaseAction.START, p -> Call.post("/start"));
        CONSOLE.put(CaseAction.RESOLVE, p -> Call.post("/resolve", "whatWasDone", "已更换灯泡", "publicReply", "路灯已修好"));
        CONSOLE.put(CaseAction.RETURN, p -> Call.post("/return", "reason", "不属于本单位"));
        CONSOLE.put(CaseAction.TRANSFER, p -> Call.post("/transfer", "unit", TestCases.ENVIRONMENT_UNIT, "reason", "属环卫"));
        CONSOLE.put(CaseAction.REOPEN, p -> Call.post("/reopen", "reason", "居民反映仍未修好"));
        CONSOLE.put(CaseAction.ARCHIVE, p -> Call.post("/archive"));
        CONSOLE.put(CaseAction.PAUSE, p -> Call.post("/pause", "reason", "等待居民补充材料"));
        CONSOLE.put(CaseAction.RESUME, p -> Call.post("/resume"));
        CONSOLE.put(CaseAction.REQUEST_EXTENSION, p -> Call.post("/extend", "until", "2099-01-01T00:00", "reason", "需采购配件"));
        CONSOLE.put(CaseAction.APPROVE_EXTENSION, p -> Call.post("/approve-extension"));
        CONSOLE.put(CaseAction.REJECT_EXTENSION, p -> Call.post("/reject-extension", "reason", "理由不足"));
        CONSOLE.put(CaseAction.LINK, p -> Call.post("/link", "parent", p));
        CONSOLE.put(CaseAction.CLASSIFY, p -> Call.post("/classify", "requestType", "SUGGESTION", "handlingClass", "KEY"));
        CONSOLE.put(CaseAction.DECLINE, p -> Call.post("/decline", "reason", DECLINE_REASON));
        CONSOLE.put(CaseAction.CALL_BACK, p -> Call.post("/call-back", "result", "UNREACHABLE"));
        CONSOLE.put(CaseAction.OPINION, p -> Call.post("/opinion", "text", "牵头单位会同协办单位三日内现场核查，一周内拿出方案"));
        CONSOLE.put(CaseAction.TAKE, p -> Call.post("/take"));
        CONSOLE.put(CaseAction.ASSIGN, p -> Call.post("/assign", "assignee", COLLEAGUE));
        CONSOLE.put(CaseAction.PASS, p -> Call.post("/pass", "assignee", COLLEAGUE));
        CONSOLE.put(CaseAction.TAG, p -> Call.post("/tag", "tag", p));
        CONSOLE.put(CaseAction.UNTAG, p -> Call.post("/untag", "tag", p));
    }

    /** The history entry each change leaves. */
    static final Map<CaseAction, CaseEvent.Kind> LEAVES = new EnumMap<>(Map.ofEntries(
            Map.entry(CaseAction.NOTE, CaseEvent.Kind.NOTE), Map.entry(CaseAction.REPLY, CaseEvent.Kind.REPLIED),
            Map.entry(CaseAction.DISPATCH, CaseEvent.Kind.DISPATCHED), Map.entry(CaseAction.ACCEPT, CaseEvent.Kind.ACCEPTED),
            Map.entry(CaseAction.START, CaseEvent.Kind.STARTED), Map.entry(CaseAction.RESOLVE, CaseEvent.Kind.RESOLVED),
            Map.entry(CaseAction.RETURN, CaseEvent.Kind.RETURNED), Map.entry(CaseAction.TRANSFER, CaseEvent.Kind.TRANSFERRED),
            Map.entry(CaseAction.REOPEN, CaseEvent.Kind.REOPENED), Map.entry(CaseAction.ARCHIVE, CaseEvent.Kind.ARCHIVED),
            Map.entry(CaseAction.PAUSE, CaseEvent.Kind.PAUSED), Map.entry(CaseAction.RESUME, CaseEvent.Kind.RESUMED),
            Map.entry(CaseAction.REQUEST_EXTENSION, CaseEvent.Kind.EXTENSION_REQUESTED),
            Map.entry(CaseAction.APPROVE_EXTENSION, CaseEvent.Kind.EXTENSION_APPROVED),
            Map.entry(CaseAction.REJECT_EXTENSION, CaseEvent.Kind.EXTENSION_REJECTED),
            Map.entry(CaseAction.LINK, CaseEvent.Kind.LINKED), Map.entry(CaseAction.CLASSIFY, CaseEvent.Kind.CLASSIFIED),
            Map.entry(CaseAction.DECLINE, CaseEvent.Kind.DECLINED), Map.entry(CaseAction.CALL_BACK, CaseEvent.Kind.CALLED_BACK),
            Map.entry(CaseAction.REVIEW, CaseEvent.Kind.REVIEWED),
            Map.entry(CaseAction.OPINION, CaseEvent.Kind.OPINION), Map.entry(CaseAction.TAKE, CaseEvent.Kind.TAKEN),
            Map.entry(CaseAction.ASSIGN, CaseEvent.Kind.ASSIGNED), Map.entry(CaseAction.PASS, CaseEvent.Kind.PASSED),
            Map.entry(CaseAction.TAG, CaseEvent.Kind.TAGGED), Map.entry(CaseAction.UNTAG, CaseEvent.Kind.TAGGED)));


    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseworkSteps steps;

    @Inject
    CaseService caseService;

    @Inject
    ResidentRepository residents;

    @Inject
    Clock clock;

    @Inject
    CaseTags tags;

    /** The label the TAG and UNTAG calls name (its id). */
    private String label() {
        return QuarkusTransaction.requiringNew().call(() -> tags.all().stream()
                .filter(t -> t.getName().equals("权限测试")).findFirst()
                .orElseGet(() -> tags.create("权限测试", "#8250df")).getId().toString());
    }

    private final Map<String, ConsoleSession> sessions = new HashMap<>();

    /** What the table says, read row by row (not through the code that enforces it); no one here heads a unit. */
    static boolean tableAllows(CaseAction action, Who who) {
        return CasePermissions.table().stream().anyMatch(r -> r.action() == action && r.role() == who.role
                && r.relations().contains(who.relation) && !r.headOnly());
    }

    @TestFactory
    Stream<DynamicTest> everyActionAndReadForEveryRoleAndRelationOnBothChannels() throws Exception {
        for (String name : List.of(PHOTO, STAFF_PHOTO)) {
            Path photo = Path.of("target/test-data/media", name);
            Files.createDirectories(photo.getParent());
            Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'});
        }
        for (CaseAction action : CaseAction.values()) {
            assertThat(API.containsKey(action) || CONSOLE.containsKey(action)).as(action + " has an endpoint").isTrue();
            assertThat(CasePermissions.table()).as(action + " has rows").anyMatch(r -> r.action() == action);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String channel : List.of("api", "console")) {
            Map<CaseAction, Function<String, Call>> calls = channel.equals("api") ? API : CONSOLE;
            for (CaseAction action : CaseAction.values()) {
                if (!calls.containsKey(action)) {
                    continue;
                }
                for (Who who : Who.values()) {
                    boolean allowed = tableAllows(action, who);
                    tests.add(DynamicTest.dynamicTest(channel + " · " + action + " · " + who + " → " + (allowed ? "allowed" : "403"),
                            () -> check(channel, calls.get(action), action, who, allowed)));
                }
            }
        }
        return tests.stream();
    }

    private void check(String channel, Function<String, Call> endpoint, CaseAction action, Who who, boolean allowed) {
        ServiceCase c = prepare(action, who);
        String parent = action == CaseAction.LINK
                ? testCases.file(TestCases.newPhone(), "municipal", "同一处路灯不亮", "坂田街道五和大道", PHOTO).getNumber()
                : action == CaseAction.TAG || action == CaseAction.UNTAG ? label() : null;
        CaseState stateBefore = testCases.reload(c.getNumber()).getState();
        List<CaseEvent> before = history(c.getNumber());
        Call call = endpoint.apply(parent);

        Response r = channel.equals("api") ? api(who, call, c.getNumber()) : console(who, call, c.getNumber());

        List<CaseEvent> after = history(c.getNumber());
        if (allowed) {
            assertThat(r.statusCode()).as(r.asString()).isBetween(200, 303);
            if (LEAVES.containsKey(action)) {
                assertThat(after.size()).as("one more entry in the history").isEqualTo(before.size() + 1);
                assertThat(after.get(after.size() - 1).getKind()).isEqualTo(LEAVES.get(action));
            }
        } else {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(403);
            assertThat(after).as("nothing written").hasSameSizeAs(before);
            assertThat(testCases.reload(c.getNumber()).getState()).as("state unchanged").isEqualTo(stateBefore);
            if (action == CaseAction.READ_CASE || action == CaseAction.READ_HISTORY) {
                assertThat(r.asString()).doesNotContain("五和大道");
            }
        }
    }

    /** A municipal case (the lead handler's unit), assisted by the other handler's unit when that is the point, in the state the action needs. */
    private ServiceCase prepare(CaseAction action, Who who) {
        String phone = TestCases.newPhone();
        if (action == CaseAction.REPLY) {
            QuarkusTransaction.requiringNew().run(() -> residents.ensureExists(phone, null, clock.instant()));
        }
        ServiceCase c = testCases.file(phone, "municipal", "路灯不亮，晚上很黑", "坂田街道五和大道", PHOTO);
        assertThat(c.getUnit()).isEqualTo(TestCases.MUNICIPAL_UNIT);
        String n = c.getNumber();
        if (who == Who.ASSISTING_HANDLER) {
            tx(() -> lifecycle.returnToDispatch(n, "system", "重新派单以加协办单位"));
            tx(() -> lifecycle.dispatch(n, "system", TestCases.MUNICIPAL_UNIT, List.of(TestCases.ENVIRONMENT_UNIT), null));
        }
        switch (action) {
            case DISPATCH -> tx(() -> lifecycle.returnToDispatch(n, "system", "待重新派单"));
            case START, RESOLVE -> tx(() -> lifecycle.accept(n, who.user));
            case OPINION -> tx(() -> steps.classify(n, "system", RequestType.COMPLAINT, HandlingClass.HARD),
                    () -> lifecycle.accept(n, who.user));
            case PASS -> tx(() -> lifecycle.take(n, who.user));
            case UNTAG -> tx(() -> lifecycle.perform(new Staff("admin", Role.ADMIN, null), CaseAction.TAG, n,
                    CaseLifecycle.Details.tag(Long.valueOf(label()))));
            case REOPEN, ARCHIVE, CALL_BACK, REVIEW -> {
                tx(() -> lifecycle.accept(n, "someone"));
                tx(() -> lifecycle.resolve(n, "someone", "已处理", null));
            }
            case RESUME -> tx(() -> lifecycle.pause(n, "someone", "等待居民"));
            case APPROVE_EXTENSION, REJECT_EXTENSION -> tx(() -> lifecycle.requestExtension(n, "someone",
                    clock.instant().plus(Duration.ofDays(10)), "需采购配件"));
            default -> {
            }
        }
        return testCases.reload(n);
    }

    @SafeVarargs
    private static void tx(java.util.function.Supplier<?>... steps) {
        for (java.util.function.Supplier<?> step : steps) {
            QuarkusTransaction.requiringNew().call(step::get);
        }
    }

    private Response api(Who who, Call call, String number) {
        RequestSpecification spec = given().auth().preemptive().basic(who.user, DemoAccounts.PASSWORD);
        String path = "/api/cases/" + number + call.path();
        return call.method().equals("GET") ? spec.get(path) : spec.contentType("application/json").body(call.body()).post(path);
    }

    private Response console(Who who, Call call, String number) {
        ConsoleSession session = sessions.computeIfAbsent(who.user, ConsoleSession::signIn);
        String path = "/console/cases/" + number + call.path();
        if (call.method().equals("GET")) {
            return session.bare().get(path);
        }
        RequestSpecification spec = session.form();
        call.body().forEach(spec::formParam);
        return spec.post(path);
    }

    private List<CaseEvent> history(String number) {
        return QuarkusTransaction.requiringNew().call(() -> caseService.history(testCases.reload(number)));
    }
}
