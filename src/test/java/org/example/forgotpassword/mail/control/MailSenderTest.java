package org.example.forgotpassword.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.example.forgotpassword.mail.entity.OutgoingMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How a rendered mail becomes a MIME message, and the SMTP settings it is sent with. Nothing is sent here. */
class MailSenderTest {

    private static final String MAIL_ID = "7d5c2b8e-0a4f-4a43-b1a9-3c9d2e6f8a10";
    private static final OutgoingMail ENGLISH = new OutgoingMail(MAIL_ID, "someone@example.com",
            "[Forgot Password] Reset your password", "Hello,\n\nhttps://x.test/password/reset/?token=abc\n",
            "<p>Hello,</p><p><a href=\"https://x.test/password/reset/?token=abc\">Reset</a></p>");
    private static final OutgoingMail CHINESE = new OutgoingMail(MAIL_ID, "someone@example.com",
            "[Forgot Password] 重置您的密码", "您好：\n\n请在 30 分钟内打开以下链接设置新密码：\n",
            "<p>您好：</p><p>请在 30 分钟内打开以下链接</p>");

    private final MailSender sender = new MailSender();

    private String from = "Forgot Password <no-reply@reset.example.test>";
    private String host = "smtp.example.test";
    private int port = 2525;
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();
    private boolean startTls;

    @BeforeEach
    void configure() {
        sender.statistics = new MailStatistics();
        sender.statistics.registry = new SimpleMeterRegistry();
        sender.statistics.register();
        connect();
    }

    /** Starts the sender with the settings as they are now, a new connection for every mail. */
    private void connect() {
        sender.connect(new SmtpSettings(from, host, port, user, password, startTls, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 0));
    }

    /** The message as the SMTP server receives it: written out and parsed back. */
    private static MimeMessage transmitted(MimeMessage message) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(wire.toByteArray()));
    }

    private static String baseTypeOf(Part part) throws MessagingException {
        return new ContentType(part.getContentType()).getBaseType();
    }

    private static String charsetOf(BodyPart part) throws MessagingException {
        return new ContentType(part.getContentType()).getParameter("charset");
    }

    @Nested
    class MimeStructure {

        @Test
        void mailIsMultipartAlternative() throws Exception {
            MimeMessage message = sender.toMimeMessage(ENGLISH);

            assertThat(baseTypeOf(message)).isEqualTo("multipart/alternative");
            assertThat(baseTypeOf(transmitted(message))).isEqualTo("multipart/alternative");
        }

        @Test
        void plainTextComesFirstAndHtmlSecondAndNothingElse() throws Exception {
            Multipart parts = (Multipart) transmitted(sender.toMimeMessage(ENGLISH)).getContent();

            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(baseTypeOf(parts.getBodyPart(0))).isEqualTo("text/plain");
            assertThat(baseTypeOf(parts.getBodyPart(1))).isEqualTo("text/html");
        }

        @Test
        void bothPartsAreUtf8() throws Exception {
            Multipart parts = (Multipart) transmitted(sender.toMimeMessage(CHINESE)).getContent();

            assertThat(charsetOf(parts.getBodyPart(0))).isEqualToIgnoringCase("UTF-8");
            assertThat(charsetOf(parts.getBodyPart(1))).isEqualToIgnoringCase("UTF-8");
        }

        @Test
        void partsCarryTheMailsTextAndHtmlUnchanged() throws Exception {
            Multipart parts = (Multipart) transmitted(sender.toMimeMessage(ENGLISH)).getContent();

            assertThat(parts.getBodyPart(0).getContent()).isEqualTo(ENGLISH.text());
            assertThat(parts.getBodyPart(1).getContent()).isEqualTo(ENGLISH.html());
        }

        @Test
        void chineseContentSurvivesTransmission() throws Exception {
            Multipart parts = (Multipart) transmitted(sender.toMimeMessage(CHINESE)).getContent();

            assertThat(parts.getBodyPart(0).getContent()).isEqualTo(CHINESE.text());
            assertThat(parts.getBodyPart(1).getContent()).isEqualTo(CHINESE.html());
        }
    }

    @Nested
    class Headers {

        @Test
        void subjectIsTheMailsSubject() throws Exception {
            assertThat(transmitted(sender.toMimeMessage(ENGLISH)).getSubject())
                    .isEqualTo("[Forgot Password] Reset your password");
        }

        @Test
        void chineseSubjectRoundTripsAndIsEncodedForTheWire() throws Exception {
            MimeMessage message = sender.toMimeMessage(CHINESE);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            message.writeTo(wire);
            String raw = wire.toString(StandardCharsets.ISO_8859_1);
            String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));

            assertThat(transmitted(message).getSubject()).isEqualTo("[Forgot Password] 重置您的密码");
            assertThat(headers).contains("=?UTF-8?").doesNotContain("重置");
            assertThat(headers.chars()).allMatch(c -> c < 128);
        }

        @Test
        void fromIsTheConfiguredSenderWithItsName() throws Exception {
            MimeMessage message = transmitted(sender.toMimeMessage(ENGLISH));

            assertThat(message.getFrom()).hasSize(1);
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("no-reply@reset.example.test");
            assertThat(from.getPersonal()).isEqualTo("Forgot Password");
        }

        @Test
        void toIsTheMailsRecipientAndNobodyElse() throws Exception {
            MimeMessage message = transmitted(sender.toMimeMessage(ENGLISH));

            assertThat(message.getRecipients(Message.RecipientType.TO))
                    .extracting(address -> ((InternetAddress) address).getAddress())
                    .containsExactly("someone@example.com");
            assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
            assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
            assertThat(message.getAllRecipients()).hasSize(1);
        }

        @Test
        void messageIdIsTheMailIdAtTheSendersDomain() throws Exception {
            MimeMessage message = sender.toMimeMessage(ENGLISH);

            assertThat(message.getMessageID()).isEqualTo("<" + MAIL_ID + "@reset.example.test>");
            assertThat(message.getHeader("Message-ID")).containsExactly("<" + MAIL_ID + "@reset.example.test>");
        }

        @Test
        void messageIdStaysTheSameWhenTheMessageIsSavedAgain() throws Exception {
            MimeMessage message = sender.toMimeMessage(ENGLISH);

            message.saveChanges();
            message.saveChanges();

            assertThat(message.getHeader("Message-ID")).containsExactly("<" + MAIL_ID + "@reset.example.test>");
            assertThat(transmitted(message).getMessageID()).isEqualTo("<" + MAIL_ID + "@reset.example.test>");
        }

        @Test
        void sameMailRenderedTwiceGetsTheSameMessageId() throws Exception {
            assertThat(sender.toMimeMessage(ENGLISH).getMessageID())
                    .isEqualTo(sender.toMimeMessage(CHINESE).getMessageID());
        }

        @Test
        void messageIdFollowsTheDomainOfTheConfiguredSender() throws Exception {
            from = "bounce@mail.example.org";
            connect();

            assertThat(sender.toMimeMessage(ENGLISH).getMessageID()).isEqualTo("<" + MAIL_ID + "@mail.example.org>");
        }

        @Test
        void recipientThatIsNotAnAddressIsRefused() {
            OutgoingMail broken = new OutgoingMail(MAIL_ID, "not an address", "s", "t", "h");

            assertThatThrownBy(() -> sender.toMimeMessage(broken)).isInstanceOf(AddressException.class);
        }
    }

    @Nested
    class ConnectionSettings {

        private Session session() throws MessagingException {
            return sender.toMimeMessage(ENGLISH).getSession();
        }

        @Test
        void serverIsTheConfiguredHostAndPort() throws Exception {
            assertThat(session().getProperty("mail.transport.protocol")).isEqualTo("smtp");
            assertThat(session().getProperty("mail.smtp.host")).isEqualTo("smtp.example.test");
            assertThat(session().getProperty("mail.smtp.port")).isEqualTo("2525");
        }

        @Test
        void everyStepIsBoundedByTheConfiguredTimeoutsInMilliseconds() throws Exception {
            assertThat(session().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
            assertThat(session().getProperty("mail.smtp.timeout")).isEqualTo("30000");
            assertThat(session().getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
        }

        @Test
        void withoutAUserThereIsNoAuthentication() throws Exception {
            assertThat(session().getProperty("mail.smtp.auth")).isEqualTo("false");
        }

        @Test
        void withAUserAuthenticationIsOn() throws Exception {
            user = Optional.of("mailer");
            password = Optional.of("secret");
            connect();

            assertThat(session().getProperty("mail.smtp.auth")).isEqualTo("true");
        }

        @Test
        void startTlsIsOffAndNotRequiredWhenDisabled() throws Exception {
            assertThat(session().getProperty("mail.smtp.starttls.enable")).isEqualTo("false");
            assertThat(session().getProperty("mail.smtp.starttls.required")).isEqualTo("false");
        }

        @Test
        void startTlsIsEnabledAndRequiredWhenConfigured() throws Exception {
            startTls = true;
            connect();

            assertThat(session().getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
            assertThat(session().getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        }

        @Test
        void senderThatIsNotAnAddressStopsTheStart() {
            from = "Forgot Password <no-reply>";

            assertThatThrownBy(MailSenderTest.this::connect)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("mail.from is not a valid address");
        }
    }

    /** Each failed attempt is counted once, by the kind MailSender decides on (what the fault suite reads). */
    @Nested
    class FailedAttempts {

        private SimpleMeterRegistry registry;

        @BeforeEach
        void countInAFreshRegistry() {
            registry = new SimpleMeterRegistry();
            sender.statistics.registry = registry;
            sender.statistics.register();
        }

        private double failed(String kind) {
            return registry.get("forgot.password.mail.attempts.failed").tag("kind", kind).counter().count();
        }

        /** Points the sender at an SMTP server on this machine's loopback. */
        private void sendThrough(int loopbackPort) {
            host = "127.0.0.1";
            port = loopbackPort;
            connect();
        }

        @Test
        void refusalWith5xxIsPermanent() throws Exception {
            try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 No such mailbox")) {
                sendThrough(server.port());

                assertThatThrownBy(() -> sender.send(ENGLISH)).isInstanceOf(PermanentMailFailureException.class);
            }
            assertThat(failed("permanent")).isEqualTo(1);
            assertThat(failed("transient")).isZero();
        }

        @Test
        void refusalWith4xxIsTransient() throws Exception {
            try (RefusingSmtpServer server = new RefusingSmtpServer("451 4.3.0 Try again later")) {
                sendThrough(server.port());

                assertThatThrownBy(() -> sender.send(ENGLISH)).isInstanceOf(MailDeliveryException.class)
                        .isNotInstanceOf(PermanentMailFailureException.class);
            }
            assertThat(failed("transient")).isEqualTo(1);
            assertThat(failed("permanent")).isZero();
        }

        @Test
        void noServerIsTransient() throws Exception {
            int closedPort;
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = closed.getLocalPort();
            }
            sendThrough(closedPort);

            assertThatThrownBy(() -> sender.send(ENGLISH)).isInstanceOf(MailDeliveryException.class);
            assertThat(failed("transient")).isEqualTo(1);
            assertThat(failed("permanent")).isZero();
        }
    }

    /** An SMTP server on loopback that answers every recipient with the same reply, for one connection. */
    static final class RefusingSmtpServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread conversation;

        RefusingSmtpServer(String recipientReply) throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            conversation = new Thread(() -> converse(recipientReply), "refusing-smtp");
            conversation.setDaemon(true);
            conversation.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void converse(String recipientReply) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.US_ASCII));
                 Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
                reply(out, "220 refusing.example.test ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                    switch (command) {
                        case "RCPT" -> reply(out, recipientReply);
                        case "QUIT" -> {
                            reply(out, "221 Bye");
                            return;
                        }
                        default -> reply(out, "250 OK");
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            conversation.join(5000);
        }
    }
}

