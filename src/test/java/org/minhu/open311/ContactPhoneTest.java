package org.minhu.open311;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a phone number typed into a hotline form or an app becomes a resident's 5G identity. Pure
 * parsing, so plain JUnit: no application needs to start.
 */
class ContactPhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138 0013 8000", "+8613800138000", "008613800138000", "8613800138000",
            "138-0013-8000", "(+86) 138 0013 8000", "tel:+8613800138000"})
    void aMainlandMobileNumberIsTheResidentAs5GMessagesKnowsThem(String typed) {
        assertThat(ContactPhone.parse(typed)).isEqualTo(new ContactPhone("tel:+8613800138000", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0755-8888 1234", "+86 755 8888 1234", "+1 415 555 0100"})
    void anotherNumberIsKeptForStaffToCallButReachesNo5GUpdates(String typed) {
        ContactPhone phone = ContactPhone.parse(typed);

        assertThat(phone.mobile()).isNull();
        assertThat(phone.other()).isEqualTo(typed.replaceAll("[\\s-]", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1380013800", "138001380001", "12000000000", "+86 123 4567 8901", "12345", "call me",
            "138OO138OOO", "123"})
    void aNumberThatCannotBeAPhoneIsRefused(String typed) {
        assertThatThrownBy(() -> ContactPhone.parse(typed))
                .isInstanceOfSatisfying(GeoReportException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("phone is not a valid phone number");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void noNumberIsNoContact(String typed) {
        assertThat(ContactPhone.parse(typed)).isEqualTo(ContactPhone.NONE);
        assertThat(ContactPhone.parse(null)).isEqualTo(ContactPhone.NONE);
    }
}
