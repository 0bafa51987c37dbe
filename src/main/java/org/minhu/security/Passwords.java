package org.minhu.security;

import org.mindrot.jbcrypt.BCrypt;

/** bcrypt, with a cost that keeps a sign-in under a tenth of a second here and guessing slow elsewhere. */
final class Passwords {

    static final int COST = 10;
    /** Checked against when there is no such user, so an unknown name takes as long as a wrong password. */
    private static final String DECOY = BCrypt.hashpw("decoy", BCrypt.gensalt(COST));

    private Passwords() {
    }

    static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    static boolean matches(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    static void spendTheSameTime(String password) {
        BCrypt.checkpw(password, DECOY);
    }
}
