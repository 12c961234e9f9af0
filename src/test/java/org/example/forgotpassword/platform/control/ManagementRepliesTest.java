package org.example.forgotpassword.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ManagementRepliesTest {

    @Test
    void readsTheAttributeValueFromTheJsonArrayTheBrokerAnswers() {
        assertThat(ManagementReplies.firstNumber("[0]")).isZero();
        assertThat(ManagementReplies.firstNumber("[1234567890123]")).isEqualTo(1_234_567_890_123L);
        assertThat(ManagementReplies.firstNumber(" [ 7 ] ")).isEqualTo(7);
    }

    @Test
    void refusesAnythingThatIsNotAnArrayStartingWithANumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> ManagementReplies.firstNumber(null));
        assertThatIllegalArgumentException().isThrownBy(() -> ManagementReplies.firstNumber(""));
        assertThatIllegalArgumentException().isThrownBy(() -> ManagementReplies.firstNumber("[]"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ManagementReplies.firstNumber("[\"queue no-such-queue not found\"]"));
        assertThatIllegalArgumentException().isThrownBy(() -> ManagementReplies.firstNumber("{\"count\":1}"));
        assertThatIllegalArgumentException().isThrownBy(() -> ManagementReplies.firstNumber("[1"));
    }
}
