package org.minhu.cases;

import java.time.Instant;

/**
 * A deadline the check ({@link SlaMonitor}) has just acted on, fired inside the case's locked
 * transaction so that the people concerned are told of it (org.minhu.notify). {@code deadline} is
 * the moment the step is about (the acceptance time, the deadline, the opinion's time): with the
 * case, the kind and the person it keys the notification, so one deadline reaches a person once.
 */
public record Chase(ServiceCase serviceCase, Kind kind, Instant deadline) {

    /** Who is told of a step. */
    public enum Audience {
        /** The unit's handlers: nobody owns the case yet. */
        UNIT_HANDLERS,
        /** The owner once accepted, else the unit's handlers. */
        OWNER,
        /** The head of the case's unit (部门负责人); the supervisors when the unit names none. */
        UNIT_HEAD,
        /** 督办室: the supervisors. */
        SUPERVISORS
    }

    /** What fires, when, to whom: the deadline table of docs/ARCHITECTURE.md. */
    public enum Kind {
        /** Dispatched and not accepted in 15 minutes (minhu.cases.accept-within). */
        ACCEPT_REMINDER(Audience.UNIT_HANDLERS, "超时未受理", "诉求 %s 派单后未按时签收，请尽快签收（签收时限 %s）"),
        /** Still not accepted 30 minutes after dispatch (minhu.cases.accept-escalate-after). */
        ACCEPT_ESCALATION(Audience.UNIT_HEAD, "超时未受理", "诉求 %s 派单后超时无人签收（签收时限 %s），请督促承办单位签收"),
        /** Half the time to resolve gone. */
        DUE_REMINDER(Audience.OWNER, "到期提醒", "诉求 %s 已用去一半办结时限，请在 %s 前办结"),
        /** Four fifths gone. */
        DUE_SOON(Audience.OWNER, "到期提醒", "诉求 %s 办结时限将至（%s），请尽快办结"),
        /** Past the deadline: 承办人. */
        OVERDUE(Audience.OWNER, "超期催办", "诉求 %s 已超过办结时限（%s），请尽快办结"),
        /** A quarter of the allowance later: 部门负责人. */
        OVERDUE_HEAD(Audience.UNIT_HEAD, 1, "超期督办", "诉求 %s 超期未办结（时限 %s），已升级至部门负责人"),
        /** Half of it later: 督办室. */
        OVERDUE_SUPERVISION(Audience.SUPERVISORS, 2, "超期督办", "诉求 %s 严重超期（时限 %s），已升级至督办室"),
        /** Not resolved by its unit in the hierarchy's time (社区 2 日): raised to the unit above, which signs for it. */
        RAISED(Audience.UNIT_HANDLERS, "上提办理", "诉求 %s 下级单位逾期未办结，已上提至本单位牵头办理，请在 %s 前签收"),
        /** A 疑难件's 办理意见, two thirds of its time gone. */
        OPINION_REMINDER(Audience.OWNER, "办理意见提醒", "疑难件 %s 须在 %s 前提交办理意见"),
        /** The 办理意见 not given in time. */
        OPINION_ESCALATION(Audience.UNIT_HEAD, "办理意见超期", "疑难件 %s 未在 %s 前提交办理意见，请督促承办人");

        private final Audience audience;
        private final int unitsUp;
        private final String title;
        private final String text;

        Kind(Audience audience, String title, String text) {
            this(audience, 0, title, text);
        }

        Kind(Audience audience, int unitsUp, String title, String text) {
            this.audience = audience;
            this.unitsUp = unitsUp;
            this.title = title;
            this.text = text;
        }

        public Audience audience() {
            return audience;
        }

        /**
         * How many units up the unit hierarchy ({@link UnitHierarchy}) the heads are told as well: the
         * overdue escalation climbs 社区 → 街道 → 区 beside 部门负责人 and 督办室 (0: the unit alone).
         */
        public int unitsUp() {
            return unitsUp;
        }

        /** The short name shown on the notification list (超时未受理, 到期提醒, …). */
        public String title() {
            return title;
        }

        /** The sentence for a case number and the deadline as people read it. */
        public String text(String number, String deadline) {
            return text.formatted(number, deadline);
        }
    }
}
