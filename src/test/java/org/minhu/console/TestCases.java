package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;

import java.util.concurrent.atomic.AtomicInteger;

/** Cases filed the way the conversation files them, for the console's tests to look at. */
@ApplicationScoped
public class TestCases {

    /** Each test gets residents of its own, so their transcripts do not mix. */
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger((int) (System.currentTimeMillis() % 100_000));

    public static final String MUNICIPAL_UNIT = "坂田街道城市建设办公室";
    public static final String ENVIRONMENT_UNIT = "坂田街道城市管理和综合执法队";

    private final CaseService cases;
    private final ServiceCaseRepository repository;
    private final CaseLifecycle lifecycle;
    private final org.minhu.security.StaffDirectory directory;
    private final jakarta.persistence.EntityManager em;

    public TestCases(CaseService cases, ServiceCaseRepository repository, CaseLifecycle lifecycle,
                     org.minhu.security.StaffDirectory directory, jakarta.persistence.EntityManager em) {
        this.directory = directory;
        this.em = em;
        this.cases = cases;
        this.repository = repository;
        this.lifecycle = lifecycle;
    }

    public static String newPhone() {
        return String.format("tel:+86137%08d", NEXT_PHONE.incrementAndGet() % 100_000_000);
    }

    public ServiceCase file(String phone, String category, String description, String address) {
        return file(phone, category, description, address, null);
    }

    public ServiceCase file(String phone, String category, String description, String address, String photoPath) {
        return QuarkusTransaction.requiringNew().call(() -> cases.file(
                new NewCase(phone, category, description, 22.6531, 114.0612, address, photoPath, "file-request", 1)));
    }

    /** A case at a place of its own (the others lie in 坂田街道第五园社区第 3 网格). */
    public ServiceCase fileAt(String phone, String category, String description, String address,
                              double latitude, double longitude) {
        return QuarkusTransaction.requiringNew().call(() -> cases.file(
                new NewCase(phone, category, description, latitude, longitude, address, null, "file-request", 1)));
    }

    /** A case filed as the chat files it, then sent back and dispatched by hand to {@code unit} (a unit the tests make up, say). */
    public ServiceCase dispatchedTo(String unit, String category, String description, String address) {
        ServiceCase c = file(newPhone(), category, description, address);
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.returnToDispatch(c.getNumber(), "system", "改派");
            lifecycle.dispatch(c.getNumber(), "system", unit, java.util.List.of(), null);
        });
        return reload(c.getNumber());
    }

    public ServiceCase reload(String number) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByNumber(number).orElseThrow());
    }

    /** A staff account of {@code unit} (made once, named by its login), with a mobile or none, heading its unit or not. */
    public void staff(String username, org.minhu.security.Role role, String unit, String phone, boolean head) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!directory.exists(username)) {
                directory.create(username, "test-password", role, unit, username);
            }
            directory.setContact(username, phone, head);
        });
    }

    /** Who the notification centre told of this kind of step on the case, by login. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> notified(ServiceCase c, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select recipient from staff_notification where case_id = ?1 and kind = ?2 order by recipient")
                .setParameter(1, c.getId()).setParameter(2, kind).getResultList());
    }
}
