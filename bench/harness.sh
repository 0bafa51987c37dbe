# Sourced by bench/run and bench/pair.sh: how the load driver and the mock carrier run. They share the
# machine with the service, as no real carrier or resident does; C1 alone and the serial collector make
# them cost about a third of the CPU they took (docs/BENCHMARKS.md, "2026-12-05 12:12–13:00").
# DRIVER_JVM and MOCK_JVM override the options.
HARNESS_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
DRIVER="java ${DRIVER_JVM:-$HARNESS_JVM -Xss256k} bench/LoadDriver.java"
MOCK_JVM="${MOCK_JVM:--Xmx1g $HARNESS_JVM}"
