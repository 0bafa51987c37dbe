package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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

    public TestCases(CaseService cases, ServiceCaseRepository repository) {
        this.cases = cases;
        this.repository = repository;
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

    public ServiceCase reload(String number) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByNumber(number).orElseThrow());
    }
}
