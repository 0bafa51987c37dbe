import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Minhu's load driver: plays N residents at once, each walking the filing journey with signed
 * pushes straight to the webhook, and reads the replies from the mock carrier's phones.
 * Measures full turns per second (push in -> reply accepted by the mock carrier), p50/p95/p99 of
 * the webhook answer and of push-to-reply, errors, and the service's RSS and CPU.
 * In ceiling mode it only pushes (to the bench ceiling endpoint) and measures the webhook.
 *
 * Run with the JDK alone: java bench/LoadDriver.java --help
 */
public class LoadDriver {

    static final String TOKEN = "mh-demo-token";
    static final String CHATBOT = "sip:12345@botplatform.rcs.example.cn";
    static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

    static String service = "http://127.0.0.1:8080";
    static String mock = "http://127.0.0.1:8090";
    static String mode = "journey";
    static int residents = 20;
    static int seconds = 20;
    static java.nio.file.Path stopFile;

    /** The run ends early once the stop file exists (for a run as long as something else takes). */
    static boolean stopped() {
        return stopFile != null && java.nio.file.Files.exists(stopFile);
    }
    static long pid = -1;
    static String out;
    static double rate = 0;
    /**
     * With --rate: "random" (each resident starts at a random moment of the first period and waits an
     * exponentially distributed time after each reply, as independent residents do) or "fixed" (all start
     * together and wait exactly 1/rate: they stay in step, so their pushes arrive in bursts of N).
     */
    static String arrivals = "random";

    static final LatencyLog webhookLatency = new LatencyLog();
    static final LatencyLog replyLatency = new LatencyLog();
    static final AtomicLong turns = new AtomicLong();
    static final AtomicLong pushes = new AtomicLong();
    static final AtomicLong errors = new AtomicLong();
    static final AtomicLong journeys = new AtomicLong();
    static final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--service" -> service = args[++i];
                case "--mock" -> mock = args[++i];
                case "--mode" -> mode = args[++i];
                case "--residents" -> residents = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--arrivals" -> arrivals = args[++i];
                case "--out" -> out = args[++i];
                case "--stop-file" -> stopFile = java.nio.file.Path.of(args[++i]);
                default -> {
                    System.out.println("java bench/LoadDriver.java [--mode journey|ceiling] [--service URL] [--mock URL]"
                            + " [--residents N] [--seconds S] [--rate pushes/s per resident, 0 = as fast as replies allow]"
                            + " [--arrivals random|fixed: with --rate, independent residents or all in step]"
                            + " [--pid service pid for RSS/CPU] [--out summary.json] [--stop-file F: end early once F exists]");
                    return;
                }
            }
        }
        ResourceSampler sampler = new ResourceSampler(pid);
        Thread sampling = new Thread(sampler, "sampler");
        sampling.setDaemon(true);
        sampling.start();
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(residents);
        String run = Long.toString(System.currentTimeMillis() % 100000);
        for (int r = 0; r < residents; r++) {
            String phone = "tel:+86177" + String.format("%05d", Integer.parseInt(run) % 100000) + String.format("%03d", r);
            pool.execute(() -> {
                try {
                    if (mode.equals("ceiling")) {
                        ceiling(phone, until);
                    } else {
                        journeys(phone, until);
                    }
                } catch (Exception e) {
                    count("driver: " + e.getClass().getSimpleName());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        sampler.stop();
        String summary = String.format(java.util.Locale.ROOT, "{\"mode\":\"%s\",\"residents\":%d,\"seconds\":%.1f,"
                        + "\"pushes\":%d,\"pushesPerSecond\":%.1f,\"turns\":%d,\"turnsPerSecond\":%.1f,\"journeys\":%d,"
                        + "\"errors\":%d,\"errorKinds\":%s,"
                        + "\"webhookMs\":{\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f},"
                        + "\"pushToReplyMs\":{\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f},"
                        + "\"rssMbMax\":%.0f,\"cpuPercentAvg\":%.0f}",
                mode, residents, elapsed, pushes.get(), pushes.get() / elapsed, turns.get(), turns.get() / elapsed,
                journeys.get(), errors.get(), errorKindsJson(),
                webhookLatency.percentile(50), webhookLatency.percentile(95), webhookLatency.percentile(99),
                replyLatency.percentile(50), replyLatency.percentile(95), replyLatency.percentile(99),
                sampler.maxRssMb, sampler.cpuPercent());
        System.out.println(summary);
        if (out != null) {
            Files.writeString(Path.of(out), summary + "\n");
        }
    }

    static String errorKindsJson() {
        StringBuilder b = new StringBuilder("{");
        errorKinds.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k.replace("\"", "'"))
                .append("\":").append(v.get()));
        return b.append('}').toString();
    }

    static void count(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** One resident files requests over and over until the time is up. */
    static void journeys(String phone, long until) throws Exception {
        double lat = 22.0 + ThreadLocalRandom.current().nextDouble(2.0);
        double lon = 113.0 + ThreadLocalRandom.current().nextDouble(2.0);
        int seq = lastSeq(phone);
        if (rate > 0 && arrivals.equals("random")) {
            Thread.sleep((long) (ThreadLocalRandom.current().nextDouble() * 1000 / rate));
        }
        while (System.nanoTime() < until && !stopped()) {
            seq = turn(phone, text("你好"), seq, 1);
            seq = turn(phone, chip("我要反映", "opt:menu:menu:file"), seq, 2);
            seq = turn(phone, chip("选择", "opt:file-request:category:municipal"), seq, 1);
            seq = turn(phone, text("路灯不亮一个多月了，晚上很黑 " + UUID.randomUUID().toString().substring(0, 8)), seq, 1);
            lat += 0.01;
            seq = turn(phone, location(lat, lon, "测试地点"), seq, 1);
            seq = turn(phone, chip("确认提交", "opt:file-request:summary:submit"), seq, 1);
            if (seq > 0) {
                journeys.incrementAndGet();
            }
        }
    }

    /** Pushes one message and waits for the replies it should bring; returns the phone's last seq. */
    static int turn(String phone, String content, int seq, int replies) throws Exception {
        if (seq < 0) {
            return lastSeq(phone);
        }
        long sent = System.nanoTime();
        if (!push(service, phone, content)) {
            return lastSeq(phone);
        }
        int at = seq;
        for (int i = 0; i < replies; i++) {
            Http1.Response next = Http1.exchange("GET", mock + "/sim/phones/"
                    + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "/next?after=" + at + "&timeoutMs=10000",
                    Map.of(), null, 15_000);
            if (next.status() != 200) {
                count("no reply within 10 s");
                return lastSeq(phone);
            }
            Matcher m = SEQ.matcher(next.body());
            if (!m.find()) {
                count("unreadable reply");
                return lastSeq(phone);
            }
            at = Integer.parseInt(m.group(1));
            if (i == 0) {
                replyLatency.add(System.nanoTime() - sent);
                turns.incrementAndGet();
            }
        }
        if (rate > 0) {
            double mean = 1000 / rate;
            Thread.sleep(arrivals.equals("random")
                    ? (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * mean) : (long) mean);
        }
        return at;
    }

    static int lastSeq(String phone) throws Exception {
        Http1.Response t = Http1.exchange("GET", mock + "/sim/phones/"
                + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "/transcript", Map.of(), null, 15_000);
        Matcher m = SEQ.matcher(t.body());
        int last = 0;
        while (m.find()) {
            last = Math.max(last, Integer.parseInt(m.group(1)));
        }
        return last;
    }

    static void ceiling(String phone, long until) throws Exception {
        while (System.nanoTime() < until && !stopped()) {
            push(service, phone, text("路灯不亮一个多月了"));
        }
    }

    static boolean push(String base, String phone, String content) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString();
        String body = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"messageList\":[" + content + "],"
                + "\"dateTime\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)) + "\","
                + "\"destinationAddress\":\"" + CHATBOT + "\",\"senderAddress\":\"" + phone + "\","
                + "\"conversationId\":\"c-" + phone.substring(4) + "\",\"contributionId\":\"k-" + UUID.randomUUID() + "\"}";
        String url = base + "/5gmsg/messageNotification/" + URLEncoder.encode(CHATBOT, StandardCharsets.UTF_8) + "/messages";
        Map<String, String> headers = Map.of("content-type", "application/json", "timestamp", ts, "nonce", nonce,
                "signature", sign(ts, nonce));
        long start = System.nanoTime();
        try {
            Http1.Response response = Http1.exchange("POST", url, headers, body.getBytes(StandardCharsets.UTF_8), 10_000);
            webhookLatency.add(System.nanoTime() - start);
            pushes.incrementAndGet();
            if (response.status() / 100 != 2) {
                count("webhook HTTP " + response.status());
                return false;
            }
            return true;
        } catch (IOException e) {
            count("webhook " + e.getClass().getSimpleName());
            return false;
        }
    }

    static String sign(String ts, String nonce) throws Exception {
        String joined = String.join("", Stream.of(TOKEN, ts, nonce).sorted().toList());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(String text) {
        return "{\"contentType\":\"text/plain\",\"contentEncoding\":\"utf8\",\"contentText\":\"" + text + "\"}";
    }

    static String chip(String display, String postback) {
        return "{\"contentType\":\"application/vnd.gsma.botsuggestion.response.v1.0+json\",\"contentEncoding\":\"utf8\","
                + "\"contentText\":{\"response\":{\"reply\":{\"displayText\":\"" + display + "\",\"postback\":{\"data\":\""
                + postback + "\"}}}}}";
    }

    static String location(double lat, double lon, String label) {
        return text(String.format(java.util.Locale.ROOT, "geo:%.5f,%.5f;crs=gcj02;u=10;rcs-l=%s", lat, lon,
                URLEncoder.encode(label, StandardCharsets.UTF_8)));
    }

    /** Latencies in nanoseconds; percentiles in milliseconds. */
    static final class LatencyLog {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized double percentile(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
        }
    }

    /** The service's resident memory and CPU, read from /proc once a second. */
    static final class ResourceSampler implements Runnable {
        final long pid;
        volatile boolean running = true;
        double maxRssMb;
        long firstTicks = -1;
        long lastTicks;
        long firstNanos;
        long lastNanos;

        ResourceSampler(long pid) {
            this.pid = pid;
        }

        public void run() {
            while (running && pid > 0) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            maxRssMb = Math.max(maxRssMb, Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                        }
                    }
                    String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
                    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    if (firstTicks < 0) {
                        firstTicks = ticks;
                        firstNanos = System.nanoTime();
                    }
                    lastTicks = ticks;
                    lastNanos = System.nanoTime();
                    Thread.sleep(1000);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        double cpuPercent() {
            if (firstTicks < 0 || lastNanos == firstNanos) {
                return Double.NaN;
            }
            return (lastTicks - firstTicks) / 100.0 / ((lastNanos - firstNanos) / 1e9) * 100;
        }
    }

    /**
     * HTTP/1.1 over one kept-alive socket per thread and server, blocking: the driver's residents are
     * threads, and java.net.http's client cost the driver about as much CPU per turn as the service spent
     * answering it, on the same two cores.
     */
    static final class Http1 {
        record Response(int status, String body) {}

        private static final class Conn {
            final Socket socket;
            final InputStream in;
            final OutputStream out;
            boolean used;

            Conn(String host, int port) throws IOException {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            }
        }

        private static final ThreadLocal<Map<String, Conn>> CONNS = ThreadLocal.withInitial(HashMap::new);

        static Response exchange(String method, String url, Map<String, String> headers, byte[] body, int timeoutMs)
                throws IOException {
            URI uri = URI.create(url);
            String key = uri.getHost() + ":" + uri.getPort();
            Map<String, Conn> conns = CONNS.get();
            Conn conn = conns.get(key);
            if (conn != null) {
                try {
                    return exchange(conn, method, uri, key, headers, body, timeoutMs, conns);
                } catch (IOException e) {
                    drop(conns, key);
                    if (!(e instanceof StaleConnection)) {
                        throw e;
                    }
                }
            }
            conn = new Conn(uri.getHost(), uri.getPort());
            conns.put(key, conn);
            try {
                return exchange(conn, method, uri, key, headers, body, timeoutMs, conns);
            } catch (IOException e) {
                drop(conns, key);
                throw e;
            }
        }

        private static void drop(Map<String, Conn> conns, String key) {
            Conn gone = conns.remove(key);
            if (gone != null) {
                try {
                    gone.socket.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }

        /** The server closed a kept-alive connection before answering a word: the request is sent again on a new one. */
        static final class StaleConnection extends IOException {
        }

        private static Response exchange(Conn conn, String method, URI uri, String key, Map<String, String> headers,
                byte[] body, int timeoutMs, Map<String, Conn> conns) throws IOException {
            conn.socket.setSoTimeout(timeoutMs);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(uri.getRawPath());
            if (uri.getRawQuery() != null) {
                head.append('?').append(uri.getRawQuery());
            }
            head.append(" HTTP/1.1\r\nhost: ").append(key).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("content-length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            boolean reused = conn.used;
            conn.used = true;
            String status;
            try {
                conn.out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    conn.out.write(body);
                }
                conn.out.flush();
                status = line(conn.in);
            } catch (java.net.SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (reused) {
                    throw new StaleConnection();
                }
                throw e;
            }
            if (status == null) {
                if (reused) {
                    throw new StaleConnection();
                }
                throw new IOException("connection closed before an answer");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(conn.in); h != null && !h.isEmpty(); h = line(conn.in)) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line(conn.in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(conn.in).split(";")[0].trim(), 16)) {
                    content.write(conn.in.readNBytes(size));
                    line(conn.in);
                }
                for (String trailer = line(conn.in); trailer != null && !trailer.isEmpty(); trailer = line(conn.in)) {
                }
            } else if (length > 0) {
                byte[] bytes = conn.in.readNBytes((int) length);
                if (bytes.length < length) {
                    throw new IOException("connection closed in the middle of an answer");
                }
                content.write(bytes);
            } else if (length < 0 && code != 204 && code != 304) {
                content.write(conn.in.readAllBytes());
                close = true;
            }
            if (close) {
                drop(conns, key);
            }
            return new Response(code, content.toString(StandardCharsets.UTF_8));
        }

        /** One line of the answer's head without its CRLF, or null at the end of the stream. */
        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return b.length() == 0 ? null : b.toString();
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
