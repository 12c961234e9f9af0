package org.example.forgotpassword.account.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.example.forgotpassword.platform.entity.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    /**
     * A syntactically valid address of exactly {@code length} characters: a 64-character local part and labels of 63.
     */
    private static String addressOfLength(int length) {
        String local = "l".repeat(64);
        String domain = "d".repeat(63) + "." + "d".repeat(63) + ".";
        domain += "e".repeat(length - local.length() - 1 - domain.length());
        String address = local + "@" + domain;
        assertThat(address).hasSize(length);
        return address;
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOfSatisfying(InvalidEmailAddressException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_EMAIL));
    }

    @Nested
    class Accepted {

        @Test
        void plainAddressIsKeptAsTyped() {
            assertThat(EmailAddress.parse("someone@example.com").value()).isEqualTo("someone@example.com");
        }

        @Test
        void plusAddressingIsAccepted() {
            assertThat(EmailAddress.parse("someone+reset@example.com").value())
                    .isEqualTo("someone+reset@example.com");
        }

        @Test
        void subdomainsAreAccepted() {
            assertThat(EmailAddress.parse("first.last@mail.eu.example.co.uk").value())
                    .isEqualTo("first.last@mail.eu.example.co.uk");
        }

        @Test
        void specialCharactersAllowedByBrowsersAreAcceptedInTheLocalPart() {
            assertThat(EmailAddress.parse("o'brien_x!#$%&*/=?^`{|}~-@example.com").value())
                    .isEqualTo("o'brien_x!#$%&*/=?^`{|}~-@example.com");
        }

        @Test
        void hyphenInsideADomainLabelIsAccepted() {
            assertThat(EmailAddress.parse("someone@my-example.com").value()).isEqualTo("someone@my-example.com");
        }

        @Test
        void domainLabelOf63CharactersIsAccepted() {
            String address = "someone@" + "a".repeat(63) + ".com";
            assertThat(EmailAddress.parse(address).value()).isEqualTo(address);
        }

        @Test
        void surroundingSpacesAreStripped() {
            assertThat(EmailAddress.parse("   someone@example.com  ").value()).isEqualTo("someone@example.com");
        }

        @Test
        void domainIsLowerCasedButLocalPartKeepsItsCase() {
            assertThat(EmailAddress.parse("Some.One@Mail.Example.COM").value()).isEqualTo("Some.One@mail.example.com");
        }

        @Test
        void addressOfExactly254CharactersIsAccepted() {
            String address = addressOfLength(254);
            assertThat(EmailAddress.parse(address).value()).isEqualTo(address);
        }

        @Test
        void addressOf254CharactersWithSurroundingSpacesIsAccepted() {
            String address = addressOfLength(254);
            assertThat(EmailAddress.parse("  " + address + "  ").value()).isEqualTo(address);
        }

        @Test
        void localPartOfExactly64CharactersIsAccepted() {
            String address = "a".repeat(64) + "@example.com";
            assertThat(EmailAddress.parse(address).value()).isEqualTo(address);
        }
    }

    @Nested
    class Rejected {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "   "})
        void missingEmptyOrBlankInputIsRejected(String raw) {
            assertRejected(raw);
        }

        @Test
        void addressWithoutAtSignIsRejected() {
            assertRejected("someone.example.com");
        }

        @Test
        void addressWithTwoAtSignsIsRejected() {
            assertRejected("some@one@example.com");
        }

        @Test
        void addressWithoutLocalPartIsRejected() {
            assertRejected("@example.com");
        }

        @Test
        void addressWithoutDomainIsRejected() {
            assertRejected("someone@");
        }

        @Test
        void domainWithTrailingDotIsRejected() {
            assertRejected("someone@example.com.");
        }

        @Test
        void domainWithLeadingDotIsRejected() {
            assertRejected("someone@.example.com");
        }

        @Test
        void domainWithEmptyLabelIsRejected() {
            assertRejected("someone@example..com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"someone@-example.com", "someone@example-.com", "someone@mail.-example.com",
                "someone@mail.example-.com", "someone@example.com-"})
        void domainLabelStartingOrEndingWithHyphenIsRejected(String raw) {
            assertRejected(raw);
        }

        @Test
        void domainLabelOf64CharactersIsRejected() {
            assertRejected("someone@" + "a".repeat(64) + ".com");
        }

        @Test
        void spaceInsideTheAddressIsRejected() {
            assertRejected("some one@example.com");
        }

        @Test
        void nonAsciiCharactersAreRejected() {
            assertRejected("jürgen@example.com");
            assertRejected("someone@bücher.example");
        }

        @Test
        void displayNameFormIsRejected() {
            assertRejected("Someone <someone@example.com>");
        }

        @Test
        void addressOf255CharactersIsRejected() {
            assertRejected(addressOfLength(255));
        }

        @Test
        void localPartOver64CharactersIsRejected() {
            assertRejected("a".repeat(65) + "@example.com");
        }

        @Test
        void addressWithCarriageReturnIsRejected() {
            assertRejected("some\rone@example.com");
        }

        @Test
        void addressWithLineFeedIsRejected() {
            assertRejected("some\none@example.com");
        }

        @Test
        void headerInjectionAttemptIsRejected() {
            assertRejected("victim@example.com\r\nBcc: everyone@attacker.test");
        }

        @Test
        void trailingCrLfIsRejectedRatherThanStripped() {
            assertRejected("someone@example.com\r\n");
        }

        @Test
        void trailingTabIsRejectedRatherThanStripped() {
            assertRejected("someone@example.com\t");
        }

        @Test
        void addressWithNulIsRejected() {
            assertRejected("someone@example.com\0");
        }

        @Test
        void addressWithNextLineIsRejected() {
            assertRejected("someone@example.com\u0085");
        }

        @Test
        void addressWithLineSeparatorIsRejected() {
            assertRejected("someone@example.com\u2028");
        }

        @Test
        void addressWithParagraphSeparatorIsRejected() {
            assertRejected("someone@example.com\u2029");
        }

        /** C0 controls, DEL, C1 controls (NEL among them) and the Unicode line and paragraph separators. */
        static Stream<Arguments> controlCharacters() {
            return Stream.of(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F),
                            IntStream.of(0x2028, 0x2029))
                    .flatMapToInt(range -> range)
                    .mapToObj(c -> Arguments.of((char) c, String.format("U+%04X", c)));
        }

        @Test
        void everyControlCharacterIsCovered() {
            assertThat(controlCharacters()).hasSize(32 + 33 + 2);
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("controlCharacters")
        void everyControlCharacterInsideTheAddressIsRejected(char control, String codePoint) {
            assertRejected("some" + control + "one@example.com");
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("controlCharacters")
        void everyControlCharacterAroundTheAddressIsRejected(char control, String codePoint) {
            assertRejected(control + "someone@example.com");
            assertRejected("someone@example.com" + control);
        }
    }

    @Nested
    class Masking {

        @ParameterizedTest(name = "{2}: {0} is {1}")
        @CsvSource(delimiter = '|', value = {
                "someone@example.com | s*****e@example.com | a long local part keeps its first and last character",
                "abc@example.com     | a*c@example.com     | three characters keep the first and the last",
                "ab@example.com      | a*@example.com      | two characters keep only the first",
                "a@example.com       | a*@example.com      | one character is still masked",
                "Someone@Example.COM | S*****e@example.com | the domain is shown normalized"})
        void theMaskedFormHidesTheLocalPart(String address, String masked, String rule) {
            assertThat(EmailAddress.parse(address).masked()).isEqualTo(masked);
        }

        @Test
        void toStringIsTheMaskedForm() {
            EmailAddress address = EmailAddress.parse("someone@example.com");

            assertThat(address.toString()).isEqualTo("s*****e@example.com");
        }

        @Test
        void toStringNeverContainsTheFullAddress() {
            EmailAddress address = EmailAddress.parse("someone@example.com");

            assertThat(address.toString()).doesNotContain("someone");
            assertThat("logged: " + address).isEqualTo("logged: s*****e@example.com");
        }
    }

    @Nested
    class Equality {

        /** The same value, or one that differs only in the domain's case or in spaces around it. */
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"someone@example.com", " someone@EXAMPLE.com "})
        void addressesOfTheSameValueAreEqual(String same) {
            EmailAddress one = EmailAddress.parse("someone@example.com");
            EmailAddress other = EmailAddress.parse(same);

            assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        }

        @Test
        void addressesThatDifferInLocalPartCaseAreDifferent() {
            assertThat(EmailAddress.parse("Someone@example.com"))
                    .isNotEqualTo(EmailAddress.parse("someone@example.com"));
        }

        @Test
        void differentAddressesAreDifferent() {
            assertThat(EmailAddress.parse("someone@example.com"))
                    .isNotEqualTo(EmailAddress.parse("someone@example.org"));
        }

        @Test
        void anAddressIsNotEqualToItsStringValue() {
            assertThat(EmailAddress.parse("someone@example.com")).isNotEqualTo("someone@example.com");
        }
    }
}
