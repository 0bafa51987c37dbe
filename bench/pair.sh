# Sourced by bench/measure-turns and bench/measure-notice: starts the mock carrier (port 18090) and the
# %prod service (port 18080) on a fresh PostgreSQL database minhu_m, and stops both on exit unless KEEP=1.
# start_pair "<service JVM options>" true|false   (true: the mock sends three delivery reports a message)
# Sets SP (the service's pid) and W (the work folder).
export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
W=target/measure; mkdir -p $W
PSQL="psql -h 127.0.0.1 -U postgres -q"
ADMIN_PASSWORD=bench-admin-password
source bench/harness.sh
pids=()
# stopped and waited for: a mock still shutting down holds its port, and the next sitting's mock could not start
trap '[ -n "${KEEP:-}" ] || { kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; }' EXIT
start_pair() {
  local jvm="$1" reports="$2"
  $PSQL -d postgres -c "drop database if exists minhu_m" -c "create database minhu_m" >/dev/null
  [ -n "${AUTOEXPLAIN:-}" ] && $PSQL -d postgres -c "alter database minhu_m set session_preload_libraries = 'auto_explain'" -c "alter database minhu_m set auto_explain.log_min_duration = ${AUTOEXPLAIN}" -c "alter database minhu_m set auto_explain.log_analyze = on"
  java $MOCK_JVM -Dquarkus.http.port=18090 -Dmock.quota-per-second=2000 -Dmock.notify-url=http://127.0.0.1:18080/5gmsg \
    -Dmock.report-delay.sent=0ms -Dmock.report-delay.delivered=0ms -Dmock.report-delay.displayed=0ms -Dmock.delivery-reports=$reports \
    -jar mock-carrier/target/quarkus-app/quarkus-run.jar > $W/mock.log 2>&1 &
  pids+=($!)
  for _ in $(seq 240); do curl -fsS -o /dev/null http://127.0.0.1:18090/sim/faults 2>/dev/null && break; sleep 0.25; done
  start_instance "$jvm" 18080 data service.log
  SP=$STARTED
  echo "service up pid $SP"
}
# start_instance "<service JVM options>" port data-folder log: one %prod instance on minhu_m (a second one
# beside the first needs its own port and data folder); waits until it is ready, sets STARTED (its pid)
start_instance() {
  MALLOC_ARENA_MAX=2 MINHU_DB_NAME=minhu_m MINHU_SESSION_KEY=bench-session-key-0123456789abcdef MINHU_SECURITY_SECURE_COOKIES=false \
    MINHU_DATA_DIR=$W/$3 MINHU_CARRIER_SERVER_ROOT=http://127.0.0.1:18090 MINHU_CARRIER_SEND_QUOTA_PER_SECOND=2000 \
    MINHU_FIRST_ADMIN_PASSWORD=$ADMIN_PASSWORD QUARKUS_HTTP_PORT=$2 \
    java $1 -jar target/quarkus-app/quarkus-run.jar > $W/$4 2>&1 &
  STARTED=$!
  pids+=($STARTED)
  for _ in $(seq 240); do curl -fsS -o /dev/null http://127.0.0.1:$2/q/health/ready 2>/dev/null && break; sleep 0.25; done
}
journeys() { # residents seconds out.json
  $DRIVER --mode journey --service http://127.0.0.1:18080 --mock http://127.0.0.1:18090 --residents "$1" --seconds "$2" --pid $SP --out "$3"
}
