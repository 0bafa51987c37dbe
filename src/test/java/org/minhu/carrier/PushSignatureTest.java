package org.minhu.carrier;

import org.junit.jupiter.api.Test;
import org.minhu.carrier.webhook.PushSignature;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the signature is a pure function, no application needed. */
class PushSignatureTest {

    @Test
    void theProtocolsWorkedExampleVerifies() {
        String signature = PushSignature.sign("mh-demo-token", "1780918940", "2b5d7a3c-3c1e-4f52-9d0a-6a8e1f2c4b7d");

        assertThat(signature).isEqualTo("2d8c346c40e1c25b714cb5ca2969023b5fe91d8bc62e28c7fb61677b05ade680");
        assertThat(PushSignature.verify("mh-demo-token", "1780918940", "2b5d7a3c-3c1e-4f52-9d0a-6a8e1f2c4b7d",
                "2D8C346C40E1C25B714CB5CA2969023B5FE91D8BC62E28C7FB61677B05ADE680")).isTrue();
    }

    @Test
    void aSignatureMadeWithAnotherTokenOrNonceFails() {
        String signature = PushSignature.sign("mh-demo-token", "1780918940", "nonce-a");

        assertThat(PushSignature.verify("other-token", "1780918940", "nonce-a", signature)).isFalse();
        assertThat(PushSignature.verify("mh-demo-token", "1780918940", "nonce-b", signature)).isFalse();
        assertThat(PushSignature.verify("mh-demo-token", "1780918941", "nonce-a", signature)).isFalse();
        assertThat(PushSignature.verify("mh-demo-token", "1780918940", "nonce-a", null)).isFalse();
    }
}
