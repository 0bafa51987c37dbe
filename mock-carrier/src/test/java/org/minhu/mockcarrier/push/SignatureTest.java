package org.minhu.mockcarrier.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain JUnit: the signature is pure arithmetic, so the worked example needs no application. */
class SignatureTest {

    private static final String TOKEN = "mh-demo-token";
    private static final String TIMESTAMP = "1780918940";
    private static final String NONCE = "2b5d7a3c-3c1e-4f52-9d0a-6a8e1f2c4b7d";

    @Test
    void reproducesTheWorkedExampleOfTheProtocol() {
        assertThat(Signature.sign(TOKEN, TIMESTAMP, NONCE))
                .isEqualTo("2d8c346c40e1c25b714cb5ca2969023b5fe91d8bc62e28c7fb61677b05ade680");
    }

    @Test
    void refusesASignatureMadeWithAnotherToken() {
        String forged = Signature.sign("another-token", TIMESTAMP, NONCE);

        assertThat(Signature.verify(TOKEN, TIMESTAMP, NONCE, forged)).isFalse();
        assertThat(Signature.verify(TOKEN, TIMESTAMP, NONCE, Signature.sign(TOKEN, TIMESTAMP, NONCE))).isTrue();
    }
}
