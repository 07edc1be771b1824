package org.ipc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.ext.mail.SMTPException;

/** Which SMTP answers end a mail's attempts at once (the address), and which are worth another try. */
class RefusedForGoodTest {

    @ParameterizedTest(name = "{0} gives up: {1}")
    @CsvSource({ "550, true", "551, true", "553, true", "501, true", "421, false", "450, false", "451, false",
            "452, false", "554, false", "530, false" })
    void mailboxRefusalsEndTheAttemptsOtherAnswersAreRetried(int code, boolean forGood) {
        SMTPException answer = new SMTPException("reply", code, List.of(code + " reply"), false);
        assertThat(MailSender.refusedForGood(new CompletionException(answer))).isEqualTo(forGood);
    }

    @Test
    void anAddressThatIsNotOneIsRefusedForGoodAndAnOutageIsNot() {
        assertThat(MailSender.refusedForGood(new IllegalArgumentException("invalid address"))).isTrue();
        assertThat(MailSender.refusedForGood(new CompletionException(new ConnectException("refused")))).isFalse();
    }
}
